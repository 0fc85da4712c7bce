import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config';

const tmp = () => mkdtempSync(join(tmpdir(), 'cfg-'));

describe('loadConfig', () => {
  it('runs embedded with generated secrets kept in the data folder', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.embedded).toBe(true);
    expect(first.SEED_DEMO).toBe(true);
    expect(first.RUN_WORKER).toBe(true);
    expect(first.ENCRYPTION_KEY).toHaveLength(32);
    expect(loadConfig({ DATA_DIR: dir }).JWT_SECRET).toBe(first.JWT_SECRET);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(first.JWT_SECRET);
  });

  it('names every bad variable on its own line', () => {
    try {
      loadConfig({ DATA_DIR: tmp(), PORT: 'eighty', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const lines = (err as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^invalid PORT: /);
      expect(lines[1]).toMatch(/^invalid LOG_LEVEL: /);
    }
  });

  it('requires explicit secrets with PostgreSQL, and seeds no demo unless asked', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/invalid JWT_SECRET: required when DATABASE_URL is set\ninvalid ENCRYPTION_KEY/);
    const config = loadConfig({
      DATABASE_URL: 'postgres://localhost/x', JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    expect(config.embedded).toBe(false);
    expect(config.SEED_DEMO).toBe(false);
  });

  it('runs several gateway processes only on shared PostgreSQL and Redis', () => {
    const production = { DATABASE_URL: 'postgres://localhost/x', JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(() => loadConfig({ DATA_DIR: tmp(), HTTP_WORKERS: '2' })).toThrow(/invalid HTTP_WORKERS: more than 1 needs DATABASE_URL and REDIS_URL/);
    expect(() => loadConfig({ ...production, HTTP_WORKERS: '2' })).toThrow(/invalid HTTP_WORKERS/);
    expect(loadConfig({ ...production, REDIS_URL: 'redis://localhost:6379', HTTP_WORKERS: '2' }).HTTP_WORKERS).toBe(2);
    expect(loadConfig({ DATA_DIR: tmp() }).HTTP_WORKERS).toBe(1);
    expect(() => loadConfig({ DATA_DIR: tmp(), HTTP_WORKERS: '0' })).toThrow(/invalid HTTP_WORKERS/);
  });

  it('rejects an encryption key of the wrong size', () => {
    expect(() => loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'), JWT_SECRET: 'y'.repeat(32) })).toThrow(/invalid ENCRYPTION_KEY: must be 32 bytes/);
  });

  it('keeps earlier master keys readable for rotation without downtime', () => {
    const old = Buffer.alloc(32, 7).toString('base64');
    const config = loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEY_VERSION: '2', ENCRYPTION_KEYS_PREVIOUS: `1:${old}` });
    expect(config.ENCRYPTION_KEY_VERSION).toBe(2);
    expect(config.ENCRYPTION_KEYS_PREVIOUS.get(1)).toEqual(Buffer.alloc(32, 7));
    expect(() => loadConfig({ DATA_DIR: tmp(), ENCRYPTION_KEYS_PREVIOUS: '1:short' })).toThrow(/invalid ENCRYPTION_KEYS_PREVIOUS/);
  });
});
