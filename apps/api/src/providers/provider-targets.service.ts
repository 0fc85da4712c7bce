import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProviderTarget } from '@ai-router/providers';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../crypto/secret-box';
import type { ProviderAccount } from './provider-account.entity';
import { ProviderKey } from './provider-key.entity';

/** Builds call targets for admin-side calls (model import, health probes) from an account's first enabled key. */
@Injectable()
export class ProviderTargetsService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly secrets: SecretBox) {}

  /** Null when the account has no enabled key. */
  async firstKeyTarget(account: ProviderAccount, upstreamModel: string): Promise<ProviderTarget | null> {
    const key = await this.db.getRepository(ProviderKey).createQueryBuilder('k').addSelect('k.secretCiphertext')
      .where('k.provider_account_id = :id AND k.enabled', { id: account.id }).orderBy('k.created_at').getOne();
    if (!key) return null;
    return {
      kind: account.kind, baseUrl: account.baseUrl, apiKey: this.secrets.decrypt(key.secretCiphertext, key.id, key.keyVersion),
      upstreamModel, headers: account.headers, settings: account.settings, vendor: account.vendor ?? undefined,
    };
  }
}
