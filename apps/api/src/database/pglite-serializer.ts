import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Embedded PGlite is one connection shared by every query runner. Without care, a statement from one
 * request lands inside another request's open transaction and is rolled back with it. This gives the
 * connection to one runner at a time: a transaction holds it from START to COMMIT/ROLLBACK, a lone
 * statement for its own duration. PGlite executes one statement at a time anyway, so nothing is lost.
 */
export function serializePgliteAccess(dataSource: DataSource): void {
  let holder: QueryRunner | null = null;
  let tail: Promise<void> = Promise.resolve();
  const acquire = async (runner: QueryRunner): Promise<() => void> => {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    holder = runner;
    return () => {
      holder = null;
      release();
    };
  };

  const create = dataSource.createQueryRunner.bind(dataSource);
  dataSource.createQueryRunner = (mode) => {
    const runner = create(mode);
    const { query, startTransaction, commitTransaction, rollbackTransaction, release } = runner;
    let releaseTransaction: (() => void) | null = null;
    const endTransaction = () => {
      if (!runner.isTransactionActive && releaseTransaction) {
        releaseTransaction();
        releaseTransaction = null;
      }
    };
    runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
      if (holder === runner) return query.apply(runner, args);
      const done = await acquire(runner);
      try {
        return await query.apply(runner, args);
      } finally {
        done();
      }
    }) as QueryRunner['query'];
    runner.startTransaction = async (level) => {
      if (!releaseTransaction) releaseTransaction = await acquire(runner);
      try {
        await startTransaction.call(runner, level);
      } catch (err) {
        endTransaction();
        throw err;
      }
    };
    runner.commitTransaction = async () => {
      try {
        await commitTransaction.call(runner);
      } finally {
        endTransaction();
      }
    };
    runner.rollbackTransaction = async () => {
      try {
        await rollbackTransaction.call(runner);
      } finally {
        endTransaction();
      }
    };
    runner.release = async () => {
      releaseTransaction?.();
      releaseTransaction = null;
      return release.call(runner);
    };
    return runner;
  };
}
