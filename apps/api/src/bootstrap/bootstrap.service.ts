import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { isFirstGatewayProcess } from '../cluster/http-workers';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { UsersService } from '../users/users.service';
import { DemoSeederService } from './demo-seeder.service';

/** Credentials created by this start; shown once, never stored in plain text. */
export interface BootstrapCredentials {
  ownerEmail: string | null;
  ownerPassword: string | null;
  demoApiKey: string | null;
  demoOrgId: string | null;
}

/**
 * First start: creates the platform owner; with demo seeding, the demo org served by an in-process
 * mock provider. Prints new credentials once, as KEY=value lines a script can pick up.
 */
@Injectable()
export class BootstrapService implements OnApplicationBootstrap, OnApplicationShutdown {
  credentials: BootstrapCredentials = { ownerEmail: null, ownerPassword: null, demoApiKey: null, demoOrgId: null };
  private mock: MockProvider | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly demo: DemoSeederService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.users.hasPlatformOwner())) {
      const password = this.config.BOOTSTRAP_OWNER_PASSWORD ?? randomBytes(12).toString('base64url');
      await this.users.create({ email: this.config.BOOTSTRAP_OWNER_EMAIL, name: 'Owner', password, isPlatformOwner: true });
      this.credentials.ownerEmail = this.config.BOOTSTRAP_OWNER_EMAIL;
      // A password given by env is the operator's own: never echo it.
      this.credentials.ownerPassword = this.config.BOOTSTRAP_OWNER_PASSWORD ? null : password;
    }
    if (this.config.SEED_DEMO && isFirstGatewayProcess()) {
      this.mock = await startMockProvider({ port: 0, host: '127.0.0.1' });
      const owner = await this.users.findOwner();
      const result = await this.demo.seed(owner!.id, this.mock.url);
      this.credentials.demoApiKey = result.apiKey;
      this.credentials.demoOrgId = result.orgId;
    }
  }

  /** The lines printed once after the server listens. */
  announcement(baseUrl: string): string[] {
    const c = this.credentials;
    const lines: string[] = [];
    if (c.ownerEmail) lines.push(`AI_ROUTER_OWNER_EMAIL=${c.ownerEmail}`);
    if (c.ownerPassword) lines.push(`AI_ROUTER_OWNER_PASSWORD=${c.ownerPassword}`);
    if (c.demoApiKey) lines.push(`AI_ROUTER_DEMO_API_KEY=${c.demoApiKey}`, `OPENAI_BASE_URL=${baseUrl}/v1`);
    return lines;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.mock?.close();
  }
}
