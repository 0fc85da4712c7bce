import type { CreateProviderAccount } from '@ai-router/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ApiKeysService } from '../keys/api-keys.service';
import { Model } from '../models/model.entity';
import { ModelsService } from '../models/models.service';
import { OrgsService } from '../orgs/orgs.service';
import { ProviderAccount } from '../providers/provider-account.entity';
import { ProviderAccountsService } from '../providers/provider-accounts.service';
import { PrivateHostsService } from '../security/private-hosts.service';

export const DEMO_ORG_SLUG = 'demo';

/**
 * The demo org has one provider account per family, all pointing at the built-in mock provider (its
 * URL changes with each start). The credentials are placeholders the mock accepts.
 */
const DEMO_ACCOUNTS: { name: string; path: string; input: Omit<CreateProviderAccount, 'name' | 'baseUrl'> }[] = [
  { name: 'demo-openai', path: '/v1', input: { kind: 'openai', apiKey: 'mock-openai-key' } },
  { name: 'demo-anthropic', path: '', input: { kind: 'anthropic', apiKey: 'mock-anthropic-key' } },
  { name: 'demo-gemini', path: '', input: { kind: 'gemini', apiKey: 'mock-gemini-key' } },
  { name: 'demo-azure', path: '', input: { kind: 'azure-openai', apiKey: 'mock-azure-key' } },
  {
    name: 'demo-bedrock', path: '',
    input: {
      kind: 'bedrock', settings: { region: 'us-east-1' },
      awsCredentials: { accessKeyId: 'AKIAMOCKPROVIDER0000', secretAccessKey: 'mock-provider-secret-access-key-0000' },
    },
  },
];

const DEMO_MODELS = [
  { name: 'demo-chat', account: 'demo-openai', upstreamModel: 'mock-gpt-4o-mini', description: 'Chat through the OpenAI adapter' },
  { name: 'demo-claude', account: 'demo-anthropic', upstreamModel: 'mock-claude-sonnet', description: 'Chat through the Anthropic translation' },
  { name: 'demo-gemini', account: 'demo-gemini', upstreamModel: 'mock-gemini-flash', description: 'Chat through the Gemini translation' },
  { name: 'demo-bedrock', account: 'demo-bedrock', upstreamModel: 'anthropic.mock-claude-v1:0', description: 'Chat through Bedrock Converse' },
  { name: 'demo-azure', account: 'demo-azure', upstreamModel: 'mock-gpt-deployment', description: 'Chat through Azure OpenAI' },
  { name: 'demo-embed', account: 'demo-openai', upstreamModel: 'mock-text-embedding-3-small', description: 'Embeddings', healthCheck: 'embedding' as const },
  { name: 'demo-image', account: 'demo-openai', upstreamModel: 'mock-gpt-image-1', description: 'Image generation and edits', healthCheck: 'off' as const },
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
    private readonly privateHosts: PrivateHostsService,
  ) {}

  /** Idempotent: creates what is missing (the org and its key only once) and repoints accounts at the mock. */
  async seed(ownerId: string, mockUrl: string): Promise<DemoSeedResult> {
    // Seeding the demo is the platform owner's opt-in to the built-in mock on loopback.
    await this.privateHosts.allow(new URL(mockUrl).hostname);
    const existing = await this.orgs.findBySlug(DEMO_ORG_SLUG);
    const org = existing ?? (await this.orgs.create('Demo', DEMO_ORG_SLUG, ownerId));
    const accountIds = new Map<string, string>();
    for (const a of DEMO_ACCOUNTS) accountIds.set(a.name, await this.ensureAccount(org.id, a, mockUrl + a.path));
    const published = new Set((await this.db.getRepository(Model).findBy({ orgId: org.id })).map((m) => m.name));
    for (const m of DEMO_MODELS.filter((m) => !published.has(m.name))) {
      await this.models.create(org.id, {
        name: m.name, description: m.description, healthCheck: 'healthCheck' in m ? m.healthCheck : 'chat',
        deployments: [{ providerAccountId: accountIds.get(m.account)!, upstreamModel: m.upstreamModel }],
      });
    }
    const owner = { id: ownerId, email: '', isPlatformOwner: true, sessionId: '', orgId: org.id, role: 'admin' as const };
    const apiKey = existing ? null : (await this.keys.create(owner, { name: 'demo' })).secret;
    return { orgId: org.id, apiKey };
  }

  private async ensureAccount(orgId: string, demo: (typeof DEMO_ACCOUNTS)[number], baseUrl: string): Promise<string> {
    const account = await this.db.getRepository(ProviderAccount).findOneBy({ orgId, name: demo.name });
    if (!account) return (await this.providers.create(orgId, { ...demo.input, name: demo.name, baseUrl })).id;
    if (account.baseUrl !== baseUrl) await this.providers.update(orgId, account.id, { baseUrl });
    return account.id;
  }
}
