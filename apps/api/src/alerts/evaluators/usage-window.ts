import type { AlertRuleParams } from '@ai-router/contracts';

type WindowParams = Pick<AlertRuleParams<'error_rate'>, 'windowSeconds' | 'model' | 'providerAccountId'>;

/**
 * The usage rows a windowed rule judges: the org's requests of the last `windowSeconds`, narrowed to a
 * model or provider account when the rule names one. Requests the client abandoned (499) say nothing
 * about the provider and are left out.
 */
export function usageWindow(orgId: string, params: WindowParams, now: Date): { where: string; args: unknown[] } {
  const args: unknown[] = [orgId, new Date(now.getTime() - params.windowSeconds * 1000), now];
  const clauses = ['org_id = $1', 'created_at > $2', 'created_at <= $3', 'status <> 499'];
  if (params.model) clauses.push(`model = $${args.push(params.model)}`);
  if (params.providerAccountId) clauses.push(`provider_account_id = $${args.push(params.providerAccountId)}`);
  return { where: clauses.join(' AND '), args };
}

/** "over 5 min for model x via provider account y", for summaries. */
export function describeWindow(params: WindowParams): string {
  const s = params.windowSeconds;
  const span = s % 3600 === 0 ? `${s / 3600} h` : s % 60 === 0 ? `${s / 60} min` : `${s} s`;
  return [`over ${span}`, params.model && `for model ${params.model}`, params.providerAccountId && `via provider account ${params.providerAccountId}`]
    .filter(Boolean).join(' ');
}
