import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AlertRuleParams } from '@ai-router/contracts';
import { KeyPoolService } from '../../key-pool/key-pool.service';
import { CircuitBreakerService } from '../../router/circuit-breaker.service';
import { type AlertEvaluator, AlertEvaluatorFor, type AlertReading, type AlertTarget } from '../alert-evaluator';

export interface AccountHealth {
  name: string;
  /** Per key: usable (enabled and not cooling down)? */
  keysUsable: boolean[];
  /** Per enabled deployment: is its breaker open (calls and health probes kept failing)? */
  breakersOpen: boolean[];
}

/** An account is down when it has keys and none is usable, or has deployments and every breaker is open. */
export function judgeProviderDown(accounts: AccountHealth[]): AlertReading {
  const down = accounts.filter((a) => (a.keysUsable.length > 0 && !a.keysUsable.some(Boolean)) || (a.breakersOpen.length > 0 && a.breakersOpen.every(Boolean)));
  return {
    breached: down.length > 0,
    value: down.length,
    summary: down.length
      ? `provider down: ${down.map((a) => a.name).join(', ')} (no usable key, or every deployment failing its checks)`
      : `all ${accounts.length} provider accounts up`,
  };
}

/**
 * Reads key cooldowns and breakers from this instance's memory: both are fanned out to every API
 * instance by cluster events, which is why alert evaluation runs on API instances.
 */
@Injectable()
@AlertEvaluatorFor('provider_down')
export class ProviderDownEvaluator implements AlertEvaluator<'provider_down'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keyPool: KeyPoolService,
    private readonly breakers: CircuitBreakerService,
  ) {}

  async evaluate({ orgId, params }: AlertTarget<'provider_down'>, now: Date): Promise<AlertReading> {
    return judgeProviderDown(await this.accounts(orgId, params, now.getTime()));
  }

  private async accounts(orgId: string, params: AlertRuleParams<'provider_down'>, now: number): Promise<AccountHealth[]> {
    const rows = (await this.db.query(
      `SELECT a.id, a.name,
              COALESCE((SELECT json_agg(json_build_object('id', k.id, 'enabled', k.enabled)) FROM provider_keys k WHERE k.provider_account_id = a.id), '[]') AS keys,
              COALESCE((SELECT json_agg(d.id) FROM deployments d WHERE d.provider_account_id = a.id AND d.enabled), '[]') AS deployments
       FROM provider_accounts a WHERE a.org_id = $1 AND a.enabled AND ($2::uuid IS NULL OR a.id = $2)`,
      [orgId, params.providerAccountId ?? null],
    )) as { name: string; keys: { id: string; enabled: boolean }[] | string; deployments: string[] | string }[];
    return rows.map((r) => ({
      name: r.name,
      keysUsable: json<{ id: string; enabled: boolean }[]>(r.keys).map((k) => k.enabled && (this.keyPool.statsFor(k.id).cooldownUntil ?? 0) <= now),
      breakersOpen: json<string[]>(r.deployments).map((id) => this.breakers.state(id) === 'open'),
    }));
  }
}

/** json_agg arrives parsed from node-postgres and as text from some drivers. */
function json<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}
