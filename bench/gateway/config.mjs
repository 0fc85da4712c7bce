// Run settings from the environment. BENCH_QUICK=1 shortens every phase to a smoke run of about two minutes
// whose report goes to the temp folder, so it never replaces the committed results.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HOST = '127.0.0.1';
export const PG_ADMIN = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const QUICK = ['1', 'true'].includes(process.env.BENCH_QUICK ?? '');
const num = (key, full, quick) => (process.env[key] ? Number(process.env[key]) : QUICK ? quick : full);

export const config = {
  quick: QUICK,
  /** Requests per target per alternating round at concurrency 1, and the number of rounds. */
  latRounds: num('BENCH_LAT_ROUNDS', 6, 2),
  latN: num('BENCH_LAT_N', 150, 30),
  /** Seconds per measured throughput step (plus a 1 s unrecorded warm-up) and the search budget per gateway. */
  stepSeconds: num('BENCH_STEP_SECONDS', 5, 2),
  searchSeconds: num('BENCH_SEARCH_SECONDS', 100, 20),
  /** Concurrent stream counts to hold. */
  streams: (process.env.BENCH_STREAMS ?? (QUICK ? '100' : '200,1000')).split(',').map(Number),
  soakSeconds: num('BENCH_SOAK_SECONDS', 600, 20),
  /** RSS readings this many seconds after the soak load stops; the last one is compared with idle. */
  afterLoadSeconds: QUICK ? [5, 10] : [15, 30, 60],
  /** Soak rate; unset: half the highest rate ours held (at least 50). */
  soakRate: process.env.BENCH_SOAK_RATE ? Number(process.env.BENCH_SOAK_RATE) : null,
  /** PostgreSQL outage scenario: load length, cut length, request rate. */
  outageLoadSeconds: num('BENCH_OUTAGE_LOAD_SECONDS', 40, 15),
  outageCutSeconds: num('BENCH_OUTAGE_CUT_SECONDS', 10, 4),
  outageRate: num('BENCH_OUTAGE_RATE', 50, 30),
  /** CPU profile of our gateway at a fixed rate; 0 seconds skips it. */
  profileSeconds: num('BENCH_PROFILE_SECONDS', 30, 8),
  profileRate: num('BENCH_PROFILE_RATE', 100, 100),
  /**
   * Gateway processes (HTTP_WORKERS) of the main gateway under test: the product's default, one, because the
   * load generator, the mock, PostgreSQL and Redis share this machine's vCPUs; the capacity search also
   * measures the other choice (one per vCPU, or one). The peer runs as it ships (one process).
   */
  httpWorkers: num('BENCH_HTTP_WORKERS', 1, 1),
  /** Hard cap for the whole run. */
  maxSeconds: num('BENCH_MAX_SECONDS', 2400, 600),
  resultsDir: QUICK ? path.join(os.tmpdir(), 'ai-router-bench-quick') : path.join(ROOT, 'bench/results'),
};
