import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiKeysService } from '../keys/api-keys.service';
import { ModelsService } from '../models/models.service';
import { OrgsService } from '../orgs/orgs.service';
import { ProviderAccount } from '../providers/provider-account.entity';
import { ProviderAccountsService } from '../providers/provider-accounts.service';

export const DEMO_ORG_SLUG = 'demo';

/** The demo org's providers point at the built-in mock provider; its URL changes with each start. */
const DEMO_ACCOUNTS = [
  { name: 'demo-openai', kind: 'openai' as const, path: '/v1' },
  { name: 'demo-anthropic', kind: 'anthropic' as const, path: '' },
];

const DEMO_MODELS = [
  { name: 'demo-chat', account: 'demo-openai', upstreamModel: 'mock-gpt-4o-mini', description: 'Chat through the OpenAI adapter (mock provider)' },
  { name: 'demo-claude', account: 'demo-anthropic', upstreamModel: 'mock-claude-sonnet', description: 'Chat through the Anthropic translation (mock provider)' },
  { name: 'demo-embed', account: 'demo-openai', upstreamModel: 'mock-text-embedding-3-small', description: 'Embeddings (mock provider)' },
];

export interface DemoSeedResult {
  orgId: string;
  /** Only on the start that created the demo org: the key's secret is shown once. */
  apiKey: string | null;
}

@Injectable()
export class DemoSeederService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly orgs: OrgsService,
    private readonly providers: ProviderAccountsService,
    private readonly models: ModelsService,
    private readonly keys: ApiKeysService,
  ) {}

  async seed(ownerId: string, mockUrl: string): Promise<DemoSeedResult> {
    const existing = await this.orgs.findBySlug(DEMO_ORG_SLUG);
    if (existing) {
      await this.repointAccounts(existing.id, mockUrl);
      return { orgId: existing.id, apiKey: null };
    }
    const org = await this.orgs.create('Demo', DEMO_ORG_SLUG, ownerId);
    const accountIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) {
      const account = await this.providers.create(org.id, { name: a.name, kind: a.kind, baseUrl: mockUrl + a.path, apiKey: 'mock-provider-key' });
      accountIds.set(a.name, account.id);
    }
    for (const m of DEMO_MODELS) {
      await this.models.create(org.id, {
        name: m.name, description: m.description,
        deployments: [{ providerAccountId: accountIds.get(m.account)!, upstreamModel: m.upstreamModel }],
      });
    }
    const key = await this.keys.create(org.id, ownerId, { name: 'demo' });
    return { orgId: org.id, apiKey: key.secret };
  }

  private async repointAccounts(orgId: string, mockUrl: string): Promise<void> {
    for (const a of DEMO_ACCOUNTS) {
      const account = await this.db.getRepository(ProviderAccount).findOneBy({ orgId, name: a.name });
      if (account && account.baseUrl !== mockUrl + a.path) {
        await this.providers.update(orgId, account.id, { baseUrl: mockUrl + a.path });
      }
    }
  }
}
