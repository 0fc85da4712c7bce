import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../apps/api/test/support/eventually';
import { createTestDatabase } from '../../apps/api/test/support/test-database';

// HTTP_WORKERS=2 as an operator runs it: the compiled server on real PostgreSQL and Redis, one port,
// two gateway processes under a supervising primary.
const root = resolve(__dirname, '../..');
const infra = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

/** PIDs of the primary's children (Linux). */
const childrenOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

/** The cluster slot a process fills (AI_ROUTER_HTTP_WORKER in its environment). */
const slotOf = (pid: number): string | undefined =>
  readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').find((v) => v.startsWith('AI_ROUTER_HTTP_WORKER='))?.split('=')[1];

/** One chat call on a fresh connection, so the cluster's round robin spreads them over the processes. */
function chat(base: string, key: string): Promise<number> {
  const body = JSON.stringify({ model: 'demo-chat', messages: [{ role: 'user', content: 'hi' }] });
  return new Promise((done, fail) => {
    const req = http.request(`${base}/v1/chat/completions`, {
      method: 'POST', agent: false, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => res.resume().on('end', () => done(res.statusCode ?? 0)));
    req.setTimeout(10_000, () => req.destroy(new Error('no answer in 10 s')));
    req.on('error', fail);
    req.end(body);
  });
}

const requestsCounted = async (base: string): Promise<number> => {
  const text = await (await fetch(`${base}/metrics`)).text();
  return [...text.matchAll(/^ai_router_requests_total\{[^}]*model="demo-chat"[^}]*status_class="2xx"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
};

describe.skipIf(!infra)('HTTP_WORKERS=2: one instance on several processes', () => {
  let primary: ChildProcess;
  let output = '';
  let base = '';
  let key = '';
  let dropDatabase: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    const db = await createTestDatabase();
    dropDatabase = db.drop;
    primary = spawn(process.execPath, [resolve(root, 'apps/api/dist/main.js')], {
      cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env, DATABASE_URL: db.url, REDIS_PREFIX: `workers-${randomBytes(4).toString('hex')}`, HTTP_WORKERS: '2', SEED_DEMO: 'true',
        JWT_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('base64'), HOST: '127.0.0.1', PORT: '0',
        LOG_LEVEL: 'warn', CONSOLE_DIR: '', HEALTH_CHECK_INTERVAL_MS: '0',
      },
    });
    primary.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    primary.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const started = await eventually(async () => /AI_ROUTER_DEMO_API_KEY=/.test(output) && childrenOf(primary.pid!).length === 2, Boolean, 60_000);
    expect(started, output).toBe(true);
    base = /AI Router listening on (http:\/\/\S+)/.exec(output)![1]!.replace('localhost', '127.0.0.1');
    key = /AI_ROUTER_DEMO_API_KEY=(\S+)/.exec(output)![1]!;
  }, 90_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    await dropDatabase();
  });

  it('announces once, with the number of processes', () => {
    expect(output).toContain('(PostgreSQL, Redis/BullMQ, 2 processes)');
    expect(output.match(/AI Router listening on/g)).toHaveLength(1);
  });

  it('answers on one port from both processes, and /metrics counts the whole cluster', async () => {
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push(await chat(base, key));
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Each scrape lands on one process; the counts must be the cluster's every time.
    for (let i = 0; i < 4; i++) expect(await requestsCounted(base), output.slice(-3000)).toBe(20);
  }, 60_000);

  it('replaces a process that dies, and keeps answering meanwhile', async () => {
    // Slot 0 hosts the demo's mock provider, which every process routes to: take the other one down.
    const children = childrenOf(primary.pid!);
    const victim = children.find((pid) => slotOf(pid) === '1');
    const survivor = children.find((pid) => slotOf(pid) === '0');
    expect(victim && survivor).toBeTruthy();
    process.kill(victim!, 'SIGKILL');
    for (let i = 0; i < 6; i++) expect(await chat(base, key)).toBe(200);
    const replaced = await eventually(async () => childrenOf(primary.pid!), (now) => now.length === 2 && !now.includes(victim!), 30_000);
    expect(replaced.map(slotOf).sort()).toEqual(['0', '1']);
    expect(replaced).toContain(survivor);
    expect(replaced).not.toContain(victim);
    for (let i = 0; i < 6; i++) expect(await chat(base, key)).toBe(200);
  }, 90_000);

  it('drains every process and exits 0 on SIGTERM', async () => {
    const workers = childrenOf(primary.pid!);
    const exited = new Promise<number | null>((done) => primary.once('exit', (code) => done(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
