import { z } from 'zod';

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .pipe(z.string().url().optional())
  .optional();

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable the gateway reads. Env is for infrastructure; product settings live in the database. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** PostgreSQL connection string; when absent the gateway runs on embedded PGlite in DATA_DIR. */
  DATABASE_URL: optionalUrl,
  /** Redis connection string; when absent queue, limits and caches run in-process. */
  REDIS_URL: optionalUrl,
  /** Namespaces queue keys and pub/sub channels, so several deployments can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i, 'letters, digits, "-" and "_" only').default('ai-router'),
  DATA_DIR: z.string().default('./data'),
  /** Signs console access tokens; generated and kept in DATA_DIR when embedded. */
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_TTL_SECONDS: z.coerce.number().int().positive().default(3600),
  /** 32 bytes, base64: encrypts provider credentials (AES-256-GCM); generated and kept in DATA_DIR when embedded. */
  ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64')
    .optional(),
  /** Version number of ENCRYPTION_KEY; raise it when rotating the master key. */
  ENCRYPTION_KEY_VERSION: z.coerce.number().int().min(1).default(1),
  /**
   * Earlier master keys as `version:base64` pairs, comma separated, so secrets written under them stay
   * readable while new ones use ENCRYPTION_KEY: rotation without downtime.
   */
  ENCRYPTION_KEYS_PREVIOUS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const keys = new Map<number, Buffer>();
      for (const pair of v.split(',').map((p) => p.trim()).filter(Boolean)) {
        const [version, key] = pair.split(':');
        const buffer = Buffer.from(key ?? '', 'base64');
        if (!/^\d+$/.test(version ?? '') || buffer.length !== 32) {
          ctx.addIssue({ code: 'custom', message: 'expected version:base64 pairs of 32-byte keys' });
          return z.NEVER;
        }
        keys.set(Number(version), buffer);
      }
      return keys;
    }),
  /** Seed the demo org and models on first start (default: on when embedded, off with DATABASE_URL). */
  SEED_DEMO: booleanFlag.optional(),
  BOOTSTRAP_OWNER_EMAIL: z.string().email().default('owner@example.com'),
  /** Owner password for the first start; generated and printed once when absent. */
  BOOTSTRAP_OWNER_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  /**
   * Which proxies to believe about the client address (X-Forwarded-For): `false` (default, direct
   * exposure), `true` (any), a hop count, or comma-separated addresses/CIDRs. IP allowlists depend on it.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v): boolean | number | string[] => {
      if (v === 'true' || v === 'false') return v === 'true';
      if (/^\d+$/.test(v)) return Number(v);
      return v.split(',').map((s) => s.trim()).filter(Boolean);
    }),
  /** Append logs to this file instead of stdout. */
  LOG_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** One overall deadline for an upstream call, streaming included. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
  /** Deadline for upstream response headers (time to first byte). */
  UPSTREAM_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  UPSTREAM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** How often every deployment is probed (active health checks); 0 turns probing off. */
  HEALTH_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** How often alert rules are evaluated (once per interval across the cluster); 0 turns evaluation off. */
  ALERT_EVAL_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Folder of the built console; empty disables serving it. */
  CONSOLE_DIR: z.string().optional(),
  /**
   * Gateway processes sharing PORT (node:cluster), so one instance uses several cores; each is a full
   * instance sharing state through PostgreSQL and Redis. More than 1 needs DATABASE_URL and REDIS_URL.
   */
  HTTP_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Run queue processors inside the API process (always on when embedded). */
  RUN_WORKER: booleanFlag.optional(),
  /** A separate worker process (worker.js) serves its own /metrics on this port (on HOST); unset = none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** Usage records waiting to be written (per process without Redis, shared with Redis); when full, /v1 answers 503. */
  USAGE_BUFFER_MAX: z.coerce.number().int().min(1).default(100_000),
  /** Months of per-request usage rows kept (the current month included); rollups are kept longer. */
  USAGE_RETENTION_MONTHS: z.coerce.number().int().min(1).default(13),
});

export type RawConfig = z.infer<typeof configSchema>;
