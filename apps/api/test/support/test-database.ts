import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * With DATABASE_URL set (CI), every suite gets its own fresh PostgreSQL database so suites run in
 * parallel without seeing each other; without it, suites use embedded PGlite in a temp folder.
 */
export async function createTestDatabase(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => undefined };
  const name = `airouter_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(base, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(base: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const url = new URL(base);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
