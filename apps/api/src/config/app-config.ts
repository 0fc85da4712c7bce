import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { configSchema, type RawConfig } from './config.schema';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig extends Omit<RawConfig, 'JWT_SECRET' | 'ENCRYPTION_KEY' | 'SEED_DEMO' | 'RUN_WORKER'> {
  embedded: boolean;
  JWT_SECRET: string;
  ENCRYPTION_KEY: Buffer;
  SEED_DEMO: boolean;
  RUN_WORKER: boolean;
  DATA_DIR: string;
}

export class ConfigError extends Error {}

/** Parses env; every bad variable is reported on its own line naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `invalid ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(lines.join('\n'));
  }
  const raw = parsed.data;
  const embedded = !raw.DATABASE_URL;
  if (raw.HTTP_WORKERS > 1 && (embedded || !raw.REDIS_URL)) {
    // PGlite lives in one process, and in-process limits and leases would not be shared.
    throw new ConfigError('invalid HTTP_WORKERS: more than 1 needs DATABASE_URL and REDIS_URL (the processes share state through them)');
  }
  const dataDir = resolve(raw.DATA_DIR);
  const secrets = raw.JWT_SECRET && raw.ENCRYPTION_KEY ? null : embeddedSecrets(dataDir, embedded, raw);
  return {
    ...raw,
    embedded,
    DATA_DIR: dataDir,
    JWT_SECRET: raw.JWT_SECRET ?? secrets!.jwtSecret,
    ENCRYPTION_KEY: Buffer.from(raw.ENCRYPTION_KEY ?? secrets!.encryptionKey, 'base64'),
    SEED_DEMO: raw.SEED_DEMO ?? embedded,
    RUN_WORKER: embedded || (raw.RUN_WORKER ?? true),
  };
}

interface EmbeddedSecrets {
  jwtSecret: string;
  encryptionKey: string;
}

/**
 * Embedded mode keeps generated secrets next to its data so restarts keep sessions and can decrypt
 * stored credentials. Production must set them explicitly: replicas have to agree on them.
 */
function embeddedSecrets(dataDir: string, embedded: boolean, raw: RawConfig): EmbeddedSecrets {
  if (!embedded) {
    const missing = [!raw.JWT_SECRET && 'JWT_SECRET', !raw.ENCRYPTION_KEY && 'ENCRYPTION_KEY'].filter(Boolean);
    throw new ConfigError(missing.map((m) => `invalid ${m}: required when DATABASE_URL is set`).join('\n'));
  }
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as EmbeddedSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets: EmbeddedSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}
