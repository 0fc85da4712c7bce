import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSource } from 'typeorm';

/** Arbitrary constant: serialises concurrent migrators (several replicas starting at once). */
const MIGRATION_LOCK_ID = 7_340_021;

export function findMigrationsDir(start = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate) && dir !== start) return candidate;
    if (dirname(dir) === dir) throw new Error(`no migrations folder above ${start}`);
  }
}

/** Applies forward SQL migrations in file-name order, each once, each in its own transaction. */
export async function runMigrations(dataSource: DataSource, dir = findMigrationsDir()): Promise<string[]> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  const applied: string[] = [];
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await runner.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set<string>(
      ((await runner.query('SELECT name FROM schema_migrations')) as { name: string }[]).map((r) => r.name),
    );
    for (const file of files) {
      if (done.has(file)) continue;
      await runner.startTransaction();
      try {
        await runner.query(readFileSync(join(dir, file), 'utf8'));
        await runner.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
        await runner.commitTransaction();
        applied.push(file);
      } catch (err) {
        await runner.rollbackTransaction();
        throw new Error(`migration ${file} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
  return applied;
}
