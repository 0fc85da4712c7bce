import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { type AlertEvaluator, AlertEvaluatorFor, type AlertReading, type AlertTarget } from '../alert-evaluator';

export interface DisabledKey {
  account: string;
  label: string;
  last4: string;
}

/** Fires while any key of the org's enabled provider accounts is disabled. */
export function judgeKeysDisabled(keys: DisabledKey[]): AlertReading {
  return {
    breached: keys.length > 0,
    value: keys.length,
    summary: keys.length
      ? `${keys.length} provider key${keys.length === 1 ? '' : 's'} disabled: ${keys.map((k) => `${k.account}/${k.label} (…${k.last4})`).join(', ')}`
      : 'no provider key disabled',
  };
}

@Injectable()
@AlertEvaluatorFor('key_disabled')
export class KeyDisabledEvaluator implements AlertEvaluator<'key_disabled'> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async evaluate({ orgId, params }: AlertTarget<'key_disabled'>): Promise<AlertReading> {
    const keys = (await this.db.query(
      `SELECT a.name AS account, k.label, k.last4 FROM provider_keys k JOIN provider_accounts a ON a.id = k.provider_account_id
       WHERE a.org_id = $1 AND a.enabled AND NOT k.enabled AND ($2::uuid IS NULL OR a.id = $2) ORDER BY a.name, k.label`,
      [orgId, params.providerAccountId ?? null],
    )) as DisabledKey[];
    return judgeKeysDisabled(keys);
  }
}
