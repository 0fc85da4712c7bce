#!/usr/bin/env node
// Gateway benchmark: AI Router vs direct-to-mock vs @portkey-ai/gateway, everything on 127.0.0.1.
// Phases: latency (c=1), throughput search, streaming, PostgreSQL outage, CPU profile, soak. Knobs: config.mjs.
import { randomBytes } from 'node:crypto';
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config, HOST, PG_ADMIN, REDIS_URL, ROOT } from './config.mjs';
import { dropBenchState, elapsedSeconds, freePort, loadAverage, log, start, startProxy, stop, stopAll, waitHttp, withAdminDb } from './processes.mjs';
import { admin, agent, chatBody, r2, req } from './http.mjs';
import { benchOrg, login, targets } from './setup.mjs';
import { measureLatency } from './latency.mjs';
import { measureThroughput } from './throughput.mjs';
import { measureStreaming } from './streaming.mjs';
import { pgOutage } from './pg-outage.mjs';
import { profileGateway } from './profile.mjs';
import { soak } from './soak.mjs';
import { report } from './report.mjs';

const RUN_ID = randomBytes(4).toString('hex');
const DB = `bench_${RUN_ID}`;
const REDIS_PREFIX = `bench-${RUN_ID}`;
const pgUrl = new URL(PG_ADMIN);
const dbUrlVia = (port) => Object.assign(new URL(PG_ADMIN), { hostname: HOST, port: String(port), pathname: `/${DB}` }).toString();
const dbUrlDirect = Object.assign(new URL(PG_ADMIN), { pathname: `/${DB}` }).toString();
const results = { runId: RUN_ID, date: new Date().toISOString(), config };
let dbCreated = false;

async function main() {
  results.machine = { nproc: Number(execSync('nproc').toString().trim()), cpu: os.cpus()[0]?.model, memGiB: r2(os.totalmem() / 2 ** 30), node: process.version,
    platform: `${os.platform()} ${os.release()}`, loadStart: loadAverage(),
    peer: JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@portkey-ai/gateway/package.json'), 'utf8')).version };
  const [mock0Port, mock20Port, peerPort, floorPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const floor = start('floor', 'bench/gateway/floor-proxy.mjs', [String(floorPort)], { env: { NODE_ENV: 'production' } });
  start('mock0', 'libs/mock-provider/dist/cli.js', ['--port', String(mock0Port), '--latency', '0']);
  start('mock20', 'libs/mock-provider/dist/cli.js', ['--port', String(mock20Port), '--latency', '20']);
  const peer = start('peer', 'node_modules/@portkey-ai/gateway/build/start-server.js', [`--port=${peerPort}`, '--headless'],
    { env: { NODE_ENV: 'production' }, nodeArgs: ['-r', path.join(ROOT, 'bench/gateway/peer-fetch-fix.cjs')] });

  await withAdminDb((c) => c.query(`CREATE DATABASE ${DB}`));
  dbCreated = true;
  const pgTarget = { host: pgUrl.hostname, port: Number(pgUrl.port || 5432) };
  const redisUrl = new URL(REDIS_URL);
  const redisTarget = { host: redisUrl.hostname, port: Number(redisUrl.port || 6379) };
  const ownerPassword = randomBytes(12).toString('hex');
  const sharedEnv = { NODE_ENV: 'production', HOST, REDIS_PREFIX, JWT_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    SEED_DEMO: 'false', LOG_LEVEL: 'warn', HEALTH_CHECK_INTERVAL_MS: '0', BOOTSTRAP_OWNER_EMAIL: 'bench@example.com', BOOTSTRAP_OWNER_PASSWORD: ownerPassword, CONSOLE_DIR: '' };
  const startGateway = async ({ name = 'gateway', pgPort, redisPort, env = {}, nodeArgs = [] }) => {
    const port = await freePort();
    const child = start(name, 'apps/api/dist/main.js', [], { nodeArgs, env: { ...sharedEnv, ...env, PORT: String(port), DATABASE_URL: dbUrlVia(pgPort),
      REDIS_URL: redisPort ? `redis://${HOST}:${redisPort}` : REDIS_URL } });
    await waitHttp(`http://${HOST}:${port}/health/ready`);
    return { child, port };
  };
  const { child: gw, port: gwPort } = await startGateway({ pgPort: pgTarget.port, env: { HTTP_WORKERS: String(config.httpWorkers) } });
  const base = `http://${HOST}:${gwPort}`;
  await Promise.all([waitHttp(`http://${HOST}:${mock0Port}/v1/models`), waitHttp(`http://${HOST}:${mock20Port}/v1/models`), waitHttp(`http://${HOST}:${peerPort}/`), waitHttp(`http://${HOST}:${floorPort}/`)]);
  log(`up: mock0 :${mock0Port} mock20 :${mock20Port} gateway :${gwPort} (pid ${gw.pid}) peer :${peerPort}`);

  const tok = await login(base, 'bench@example.com', ownerPassword);
  await admin(base, tok, 'PUT', '/api/platform/private-hosts', { hosts: ['127.0.0.1'] });
  const main = await benchOrg(base, tok, 'Bench', { m0: mock0Port, m20: mock20Port });
  const T0 = targets({ mockPort: mock0Port, gwPort, peerPort, floorPort, secret: main.secret, model: 'm0' });
  const T20 = targets({ mockPort: mock20Port, gwPort, peerPort, floorPort, secret: main.secret, model: 'm20' });
  for (const [k, t] of Object.entries(T0)) {
    const r = await req(t, chatBody(t));
    if (r.status !== 200) throw new Error(`sanity ${k}: ${r.status} ${r.error ?? r.body}`);
  }

  log('phase 1: latency c=1');
  results.latency = await measureLatency(T0, config);
  log('phase 2: throughput');
  // The same org through a gateway with the other process count (one per vCPU, or one), capacity only.
  const altWorkers = config.httpWorkers === 1 ? os.availableParallelism() : 1;
  const alt = altWorkers !== config.httpWorkers ? await startGateway({ name: 'gateway-alt', pgPort: pgTarget.port, env: { HTTP_WORKERS: String(altWorkers) } }) : null;
  const T20all = alt ? { ...T20, oursAlt: { ...T20.ours, port: alt.port } } : T20;
  if (alt) await req(T20all.oursAlt, chatBody(T20all.oursAlt));
  results.throughput = await measureThroughput(T20all, config, [...(alt ? ['oursAlt'] : []), 'floor']);
  if (alt) {
    results.throughput.altWorkers = altWorkers;
    await stop(alt.child);
  }
  log('phase 3: streaming');
  results.streaming = await measureStreaming(T0, { ours: gw.pid, peer: peer.pid, floor: floor.pid }, config);
  log('phase 4: usage recording with PostgreSQL cut');
  // A second gateway process on the same database reaches PostgreSQL only through a proxy the bench can cut.
  const pgProxy = await startProxy('pg-proxy', pgTarget);
  const outageGw = await startGateway({ name: 'gateway-outage', pgPort: pgProxy.port });
  const outageOrg = await benchOrg(base, tok, 'Bench outage', { m20: mock20Port });
  const TO = targets({ mockPort: mock20Port, gwPort: outageGw.port, peerPort, secret: outageOrg.secret, model: 'm20' });
  results.pgOutage = await pgOutage(TO.ours, { pid: outageGw.child.pid, proxy: pgProxy, dbUrl: dbUrlDirect, orgId: outageOrg.orgId }, config);
  await Promise.all([stop(outageGw.child), stop(pgProxy.child)]);
  if (config.profileSeconds > 0) {
    log('phase 5: CPU profile and round trips');
    results.profile = await profileGateway({ startGateway: (o) => startGateway({ name: 'gateway-profile', ...o }), pgTarget, redisTarget, target: T20.ours }, config);
  }
  const soakRate = config.soakRate ?? Math.max(50, Math.floor((results.throughput.best.ours ?? 100) / 2));
  log(`phase 6: soak ${config.soakSeconds}s at ${soakRate} rps`);
  results.soak = await soak(T20.ours, gw.pid, { seconds: config.soakSeconds, rate: soakRate, afterLoadSeconds: config.afterLoadSeconds });
}

const hardStop = setTimeout(() => finish(new Error(`hard time cap of ${config.maxSeconds}s reached`)), config.maxSeconds * 1000);
let finished = false;
async function finish(err) {
  if (finished) return;
  finished = true;
  clearTimeout(hardStop);
  if (err) { results.error = err.message; log('ERROR', err.stack ?? err.message); }
  results.loadEnd = loadAverage();
  results.elapsedSeconds = r2(elapsedSeconds());
  await stopAll().catch((e) => log('stop error', e.message));
  if (dbCreated) await dropBenchState(DB, REDIS_PREFIX);
  agent.destroy();
  mkdirSync(config.resultsDir, { recursive: true });
  const stamp = config.quick ? 'quick' : results.date.slice(0, 10);
  const samples = (k, v) => (k === 'samples' && Array.isArray(v) ? v.map((x) => `${x.s}:${x.mb}`).join(' ') : v);
  writeFileSync(path.join(config.resultsDir, `${stamp}.json`), JSON.stringify(results, samples, 1) + '\n');
  const md = report(results);
  writeFileSync(path.join(config.resultsDir, `${stamp}.md`), md);
  if (!config.quick) writeFileSync(path.join(config.resultsDir, 'latest.md'), md);
  log(`wrote ${path.join(config.resultsDir, `${stamp}.md`)} and .json${config.quick ? '' : ', latest.md'}`);
  process.exit(err ? 1 : 0);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => finish(new Error(`interrupted by ${sig}`)));
main().then(() => finish(), finish);
