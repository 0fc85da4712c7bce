import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/test-app';

/** TypeORM metadata types, as PostgreSQL names them in information_schema (udt_name). */
const UDT: Record<string, string> = {
  uuid: 'uuid', text: 'text', integer: 'int4', boolean: 'bool', timestamptz: 'timestamptz', jsonb: 'jsonb', bytea: 'bytea', bigint: 'int8', real: 'float4',
};

describe('migrations and entities agree', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO: 'false' });
  });
  afterAll(() => t?.close());

  it('every entity column exists with the same type and nullability, and no table has unmapped columns', async () => {
    const db = t.app.get(DataSource);
    const problems: string[] = [];
    for (const meta of db.entityMetadatas) {
      const rows: { column_name: string; udt_name: string; is_nullable: string }[] = await db.query(
        `SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [meta.tableName],
      );
      if (!rows.length) problems.push(`table ${meta.tableName} missing`);
      const byName = new Map(rows.map((r) => [r.column_name, r]));
      for (const column of meta.columns) {
        const db = byName.get(column.databaseName);
        const type = String(column.type);
        const expected = column.isArray ? `_${UDT[type]}` : UDT[type];
        if (!db) problems.push(`${meta.tableName}.${column.databaseName} missing`);
        else {
          if (db.udt_name !== expected) problems.push(`${meta.tableName}.${column.databaseName}: entity ${expected}, table ${db.udt_name}`);
          if ((db.is_nullable === 'YES') !== column.isNullable) problems.push(`${meta.tableName}.${column.databaseName}: nullability differs`);
        }
        byName.delete(column.databaseName);
      }
      for (const extra of byName.keys()) problems.push(`${meta.tableName}.${extra} not mapped by the entity`);
    }
    expect(problems).toEqual([]);
  });

  it('applies migrations once, even when started again on the same database', async () => {
    const db = t.app.get(DataSource);
    const { runMigrations } = await import('../src/database/migration-runner');
    expect(await runMigrations(db)).toEqual([]);
  });
});
