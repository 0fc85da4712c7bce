import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { BootstrapService, type BootstrapCredentials } from '../../src/bootstrap/bootstrap.service';
import { loadConfig } from '../../src/config/app-config';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  /** Pass to startTestApp to run a second instance on the same database, Redis namespace and secrets. */
  env: Record<string, string>;
  url: string;
  credentials: BootstrapCredentials;
  ownerPassword: string;
  /** Signs in as the platform owner and returns a bearer token for /api. */
  ownerToken(): Promise<string>;
  close(): Promise<void>;
}

export const OWNER_EMAIL = 'owner@example.com';

/**
 * The real app over real HTTP: PostgreSQL and Redis when DATABASE_URL / REDIS_URL are set (CI),
 * else PGlite and the in-process queue. Each app gets its own database and Redis namespace.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ai-router-test-'));
  // Given a DATABASE_URL (another instance's `env`), join that database as a second replica would.
  const database = env.DATABASE_URL ? { url: env.DATABASE_URL, drop: async () => undefined } : await createTestDatabase();
  const ownerPassword = 'owner-password-123';
  const env_ = {
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'true',
    BOOTSTRAP_OWNER_EMAIL: OWNER_EMAIL,
    BOOTSTRAP_OWNER_PASSWORD: ownerPassword,
    CONSOLE_DIR: '',
    // Probes would touch the mocks behind the tests' backs; the health-check suite turns them on.
    HEALTH_CHECK_INTERVAL_MS: '0',
    REDIS_PREFIX: `test-${randomBytes(4).toString('hex')}`,
    ...(database.url && { DATABASE_URL: database.url, JWT_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('base64') }),
    ...(process.env.REDIS_URL && { REDIS_URL: process.env.REDIS_URL }),
    ...env,
  } as Record<string, string>;
  const app = await createApp(loadConfig(env_));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    env: env_,
    url,
    credentials: app.get(BootstrapService).credentials,
    ownerPassword,
    async ownerToken() {
      const res = await fetch(`${url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: OWNER_EMAIL, password: ownerPassword }),
      });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
