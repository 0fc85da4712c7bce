// Child processes (mock, gateways), the bench database and Redis prefix, RSS readings, and a counting TCP
// proxy that can be cut to simulate a dependency going away.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import Redis from 'ioredis';
import { HOST, PG_ADMIN, REDIS_URL, ROOT } from './config.mjs';

const t0 = Date.now();
export const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const elapsedSeconds = () => (Date.now() - t0) / 1000;

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, HOST, () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

const children = [];
let stopping = false;
/** Starts `node [nodeArgs] script args`; keeps the last output lines to show if it dies early. */
export function start(name, script, args = [], { env = {}, nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const keep = (d) => { out.push(d.toString()); if (out.length > 200) out.shift(); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.exitPromise = new Promise((resolve) => child.on('exit', (code, sig) => {
    child.exited = true;
    if (!stopping && !child.expectedExit) log(`${name} exited (${code ?? sig})\n${out.join('').slice(-2000)}`);
    resolve();
  }));
  children.push({ name, child });
  return child;
}

/** Stops one child with SIGTERM (SIGKILL after `ms`) and waits for it to exit. */
export async function stop(child, ms = 10000) {
  child.expectedExit = true;
  if (!child.exited) child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), ms);
  await child.exitPromise;
  clearTimeout(killer);
}

export async function stopAll() {
  stopping = true;
  await Promise.all(children.map(({ child }) => stop(child, 5000)));
}

export async function waitHttp(url, ms = 90000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { const r = await fetch(url); if (r.status < 500) return; } catch { /* not listening yet */ }
    await sleep(200);
  }
  throw new Error(`not ready: ${url}`);
}

const ownRssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const childrenOf = (pid) => readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

/** RSS of a process and its children: a gateway with HTTP_WORKERS > 1 is a primary and its workers. */
export function rssMb(pid) {
  try { return ownRssMb(pid) + childrenOf(pid).reduce((sum, child) => sum + ownRssMb(child), 0); } catch { return NaN; }
}

export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);

export async function withAdminDb(fn) {
  const c = new pg.Client(PG_ADMIN);
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

export async function dropBenchState(db, redisPrefix) {
  await withAdminDb((c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)).catch((e) => log('drop db failed', e.message));
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    let cursor = '0', n = 0;
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `*${redisPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) { n += keys.length; await r.del(...keys); }
    } while (cursor !== '0');
    log(`redis: deleted ${n} keys matching *${redisPrefix}*`);
  } catch (e) { log('redis cleanup failed', e.message); } finally { r.disconnect(); }
}

/**
 * Starts `tcp-proxy.mjs` as its own process (so its work never queues behind the load generator) in front of
 * `target`, counting client messages of `kind` ('pg', 'redis' or 'none'). Returns the port and its controls.
 */
export async function startProxy(name, target, kind = 'none') {
  const child = start(name, 'bench/gateway/tcp-proxy.mjs', [target.host, String(target.port), kind]);
  const { port, control } = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(JSON.parse(d.toString().split('\n')[0])));
    child.once('exit', () => reject(new Error(`${name} exited before listening`)));
  });
  const call = async (op) => (await fetch(`http://${HOST}:${control}/${op}`, { method: 'POST' })).json();
  return { port, child, cut: () => call('cut'), restore: () => call('restore'), stats: () => call('stats') };
}
