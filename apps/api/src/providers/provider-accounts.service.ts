import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { defaultBaseUrl, listVendorPresets } from '@ai-router/providers';
import type {
  AddProviderKey, AwsCredentials, CreateProviderAccount, UpdateProviderKey, ProviderAccountView, ProviderKeyView, UpdateProviderAccount,
} from '@ai-router/contracts';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { definedFields } from '../common/defined-fields';
import { isUuid } from '../common/ids';
import { SecretBox } from '../crypto/secret-box';
import { KeyPoolService } from '../key-pool/key-pool.service';
import { PrivateHostsService } from '../security/private-hosts.service';
import { ProviderAccount } from './provider-account.entity';
import { ProviderKey } from './provider-key.entity';

/** Admin management of provider accounts and their key pools; every query is scoped by org. */
@Injectable()
export class ProviderAccountsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: SecretBox,
    private readonly events: ClusterEventsService,
    private readonly privateHosts: PrivateHostsService,
    private readonly keyPool: KeyPoolService,
  ) {}

  async list(orgId: string): Promise<ProviderAccountView[]> {
    const accounts = await this.db.getRepository(ProviderAccount).find({ where: { orgId }, order: { createdAt: 'ASC' } });
    const keys = accounts.length
      ? await this.db.getRepository(ProviderKey).createQueryBuilder('k')
          .where('k.provider_account_id IN (:...ids)', { ids: accounts.map((a) => a.id) })
          .orderBy('k.created_at', 'ASC').getMany()
      : [];
    return accounts.map((a) => this.toView(a, keys.filter((k) => k.providerAccountId === a.id)));
  }

  async get(orgId: string, id: string): Promise<ProviderAccountView> {
    const account = await this.find(orgId, id);
    const keys = await this.db.getRepository(ProviderKey).find({ where: { providerAccountId: id }, order: { createdAt: 'ASC' } });
    return this.toView(account, keys);
  }

  async create(orgId: string, input: CreateProviderAccount): Promise<ProviderAccountView> {
    this.assertKnownVendor(input.vendor);
    const baseUrl = trimSlash(input.baseUrl ?? this.defaultBaseUrl(input));
    await this.privateHosts.assertPermitted(baseUrl);
    const id = await this.db.transaction(async (tx) => {
      await this.assertNameFree(tx, orgId, input.name);
      const account = tx.create(ProviderAccount, {
        id: randomUUID(), orgId, name: input.name, kind: input.kind, vendor: input.vendor ?? null,
        baseUrl, settings: input.settings ?? {},
        headers: input.headers ?? {}, enabled: input.enabled ?? true,
      });
      await tx.insert(ProviderAccount, account);
      await this.insertKey(tx, account.id, 'default', credentialOf(input));
      return account.id;
    });
    await this.changed(orgId);
    return this.get(orgId, id);
  }

  async update(orgId: string, id: string, input: UpdateProviderAccount): Promise<ProviderAccountView> {
    if (input.baseUrl !== undefined) await this.privateHosts.assertPermitted(input.baseUrl);
    await this.db.transaction(async (tx) => {
      const account = await this.find(orgId, id, tx);
      if (input.name && input.name !== account.name) await this.assertNameFree(tx, orgId, input.name);
      await tx.update(ProviderAccount, { id, orgId }, {
        ...definedFields(input),
        ...(input.baseUrl !== undefined && { baseUrl: trimSlash(input.baseUrl) }),
      });
    });
    await this.changed(orgId);
    return this.get(orgId, id);
  }

  async remove(orgId: string, id: string): Promise<void> {
    await this.find(orgId, id);
    await this.db.getRepository(ProviderAccount).delete({ id, orgId });
    await this.changed(orgId);
  }

  async addKey(orgId: string, accountId: string, input: AddProviderKey): Promise<ProviderKeyView> {
    await this.find(orgId, accountId);
    const key = await this.db.transaction((tx) => this.insertKey(tx, accountId, input.label, credentialOf(input), input));
    await this.changed(orgId);
    return this.keyView(key);
  }

  async removeKey(orgId: string, accountId: string, keyId: string): Promise<void> {
    await this.find(orgId, accountId);
    const result = isUuid(keyId) ? await this.db.getRepository(ProviderKey).delete({ id: keyId, providerAccountId: accountId }) : null;
    if (!result?.affected) throw AppException.notFound('provider key');
    await this.changed(orgId);
  }

  private assertKnownVendor(vendor: string | undefined): void {
    if (vendor && !listVendorPresets().some((preset) => preset.name === vendor)) {
      throw new AppException(AppErrorCode.ValidationFailed, `unknown vendor preset "${vendor}"`, { param: 'vendor' });
    }
  }

  private defaultBaseUrl(input: CreateProviderAccount): string {
    const url = defaultBaseUrl(input.kind, { vendor: input.vendor, settings: input.settings });
    if (!url) throw new AppException(AppErrorCode.ValidationFailed, 'baseUrl is required for this provider', { param: 'baseUrl' });
    return url;
  }

  async updateKey(orgId: string, accountId: string, keyId: string, input: UpdateProviderKey): Promise<ProviderKeyView> {
    await this.find(orgId, accountId);
    const repo = this.db.getRepository(ProviderKey);
    const key = isUuid(keyId) ? await repo.findOneBy({ id: keyId, providerAccountId: accountId }) : null;
    if (!key) throw AppException.notFound('provider key');
    await repo.update({ id: keyId }, definedFields(input));
    await this.changed(orgId);
    return this.keyView({ ...key, ...definedFields(input) } as ProviderKey);
  }

  private async insertKey(
    tx: EntityManager, accountId: string, label: string, credential: Credential, limits: { rpmLimit?: number | null; tpmLimit?: number | null } = {},
  ): Promise<ProviderKey> {
    const id = randomUUID();
    const { ciphertext, version } = this.secrets.encrypt(credential.secret, id);
    const key = tx.create(ProviderKey, {
      id, providerAccountId: accountId, label, secretCiphertext: ciphertext, keyVersion: version,
      last4: credential.last4, enabled: true, createdAt: new Date(), rpmLimit: limits.rpmLimit ?? null, tpmLimit: limits.tpmLimit ?? null,
    });
    await tx.insert(ProviderKey, key);
    return key;
  }

  private async find(orgId: string, id: string, tx: EntityManager = this.db.manager): Promise<ProviderAccount> {
    const account = isUuid(id) ? await tx.findOneBy(ProviderAccount, { id, orgId }) : null;
    if (!account) throw AppException.notFound('provider account');
    return account;
  }

  private async assertNameFree(tx: EntityManager, orgId: string, name: string): Promise<void> {
    if (await tx.existsBy(ProviderAccount, { orgId, name })) {
      throw new AppException(AppErrorCode.Conflict, `a provider account named "${name}" already exists`, { param: 'name' });
    }
  }

  private keyView(k: ProviderKey): ProviderKeyView {
    const stats = this.keyPool.statsFor(k.id);
    return {
      id: k.id, label: k.label, last4: k.last4, enabled: k.enabled, rpmLimit: k.rpmLimit ?? null, tpmLimit: k.tpmLimit ?? null,
      createdAt: k.createdAt.toISOString(),
      stats: { ...stats, cooldownUntil: stats.cooldownUntil && stats.cooldownUntil > Date.now() ? stats.cooldownUntil : null },
    };
  }

  private toView(a: ProviderAccount, keys: ProviderKey[]): ProviderAccountView {
    return {
      id: a.id, name: a.name, kind: a.kind, baseUrl: a.baseUrl, vendor: a.vendor, settings: a.settings ?? {},
      headerNames: Object.keys(a.headers ?? {}), enabled: a.enabled, keys: keys.map((k) => this.keyView(k)),
      createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
    };
  }

  private changed(orgId: string): Promise<void> {
    return this.events.publish({ type: 'routing.changed', orgId });
  }
}

interface Credential {
  secret: string;
  /** What people may see of it. */
  last4: string;
}

/** Bedrock keys are AWS credentials, stored as one encrypted JSON secret; everyone else has an API key. */
function credentialOf(input: { apiKey?: string; awsCredentials?: AwsCredentials }): Credential {
  if (input.awsCredentials) {
    return { secret: JSON.stringify(input.awsCredentials), last4: input.awsCredentials.accessKeyId.slice(-4) };
  }
  // Keyless vendors (a local Ollama) still get a pool entry, so routing treats every account alike.
  const apiKey = input.apiKey ?? '';
  return { secret: apiKey, last4: apiKey.slice(-4) };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}


