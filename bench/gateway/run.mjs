#!/usr/bin/env node
// Gateway benchmark: AI Router vs direct-to-mock vs @portkey-ai/gateway, all on 127.0.0.1.
// Env knobs (seconds): BENCH_SOAK_SECONDS (120), BENCH_STEP_SECONDS (5), BENCH_MAX_SECONDS (900 hard cap),
// BENCH_LAT_ROUNDS (6), BENCH_LAT_N (150 requests per target per round), BENCH_STREAMS ("200,1000").
import { spawn, execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import Redis from 'ioredis';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const num = (k, d) => (process.env[k] ? Number(process.env[k]) : d);
const SOAK_S = num('BENCH_SOAK_SECONDS', 120);
const STEP_S = num('BENCH_STEP_SECONDS', 5);
const MAX_S = num('BENCH_MAX_SECONDS', 900);
const LAT_ROUNDS = num('BENCH_LAT_ROUNDS', 6);
const LAT_N = num('BENCH_LAT_N', 150);
const STREAMS = (process.env.BENCH_STREAMS ?? '200,1000').split(',').map(Number);
const HOST = '127.0.0.1';
const RUN_ID = randomBytes(4).toString('hex');
const DB = `bench_${RUN_ID}`;
const REDIS_PREFIX = `bench-${RUN_ID}`;
const PG_ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = 'redis://127.0.0.1:6379';
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const children = [];
let dbCreated = false;

// ---------- processes ----------
function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.listen(0, HOST, () => { const { port } = s.address(); s.close(() => res(port)); });
    s.on('error', rej);
  });
}
function start(name, args, env = {}) {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  const keep = (d) => { out.push(d.toString()); if (out.length > 200) out.shift(); };
  child.stdout.on('data', keep); child.stderr.on('data', keep);
  child.on('exit', (code, sig) => { child.exited = true; if (!stopping) log(`${name} exited (${code ?? sig})\n${out.join('').slice(-2000)}`); });
  children.push({ name, child });
  return child;
}
let stopping = false;
async function stopAll() {
  stopping = true;
  for (const { child } of children) if (!child.exited) child.kill('SIGTERM');
  const until = Date.now() + 5000;
  while (children.some((c) => !c.child.exited) && Date.now() < until) await sleep(100);
  for (const { name, child } of children) if (!child.exited) { log(`SIGKILL ${name}`); child.kill('SIGKILL'); }
}
async function cleanup() {
  await stopAll();
  if (dbCreated) {
    const c = new pg.Client(PG_ADMIN); await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).catch((e) => log('drop db failed', e.message));
    await c.end(); dbCreated = false;
  }
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    let cursor = '0', n = 0;
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `*${REDIS_PREFIX}*`, 'COUNT', 1000);
      cursor = next; if (keys.length) { n += keys.length; await r.del(...keys); }
    } while (cursor !== '0');
    log(`redis: deleted ${n} keys matching *${REDIS_PREFIX}*`);
  } catch (e) { log('redis cleanup failed', e.message); } finally { r.disconnect(); }
}
async function waitHttp(url, ms = 60000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try { const r = await fetch(url); if (r.status < 500) return; } catch {}
    await sleep(200);
  }
  throw new Error(`not ready: ${url}`);
}
const rssMb = (pid) => {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { return NaN; }
};

// ---------- HTTP helpers ----------
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
function req(target, body, { stream = false, onFirstChunk } = {}) {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const start = process.hrtime.bigint();
    const r = http.request({ host: HOST, port: target.port, path: target.path, method: 'POST', agent,
      headers: { ...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let first = null, buf = '';
      res.on('data', (d) => {
        if (first === null) { first = Number(process.hrtime.bigint() - start) / 1e6; onFirstChunk?.(); }
        buf = (buf + d).slice(-4096);
      });
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6, ttft: first, body: buf }));
      res.on('error', (e) => resolve({ status: 0, error: e.message }));
    });
    r.on('error', (e) => resolve({ status: 0, error: e.message }));
    r.end(payload);
  });
}
const pct = (arr, p) => { const s = [...arr].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };
const r2 = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);

async function admin(base, token, method, p, body) {
  const res = await fetch(`${base}${p}`, { method, headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${p} -> ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

// ---------- main ----------
const results = { runId: RUN_ID, date: new Date().toISOString(), config: { SOAK_S, STEP_S, LAT_ROUNDS, LAT_N, STREAMS } };
async function main() {
  results.machine = { nproc: Number(execSync('nproc').toString().trim()), cpu: os.cpus()[0]?.model, memGiB: r2(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}`,
    peer: JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@portkey-ai/gateway/package.json'), 'utf8')).version };
  const [mock0Port, mock20Port, gwPort, peerPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  start('mock0', ['libs/mock-provider/dist/cli.js', '--port', String(mock0Port), '--latency', '0']);
  start('mock20', ['libs/mock-provider/dist/cli.js', '--port', String(mock20Port), '--latency', '20']);
  start('peer', ['node_modules/@portkey-ai/gateway/build/start-server.js', `--port=${peerPort}`, '--headless'], { NODE_ENV: 'production' });

  const c = new pg.Client(PG_ADMIN); await c.connect(); await c.query(`CREATE DATABASE ${DB}`); await c.end(); dbCreated = true;
  const ownerPassword = randomBytes(12).toString('hex');
  const gw = start('gateway', ['apps/api/dist/main.js'], {
    NODE_ENV: 'production', HOST, PORT: String(gwPort), DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${DB}`, REDIS_URL, REDIS_PREFIX,
    JWT_SECRET: randomBytes(32).toString('hex'), ENCRYPTION_KEY: randomBytes(32).toString('base64'), SEED_DEMO: 'false', LOG_LEVEL: 'warn',
    HEALTH_CHECK_INTERVAL_MS: '0', BOOTSTRAP_OWNER_EMAIL: 'bench@example.com', BOOTSTRAP_OWNER_PASSWORD: ownerPassword, CONSOLE_DIR: '',
  });
  const base = `http://${HOST}:${gwPort}`;
  await Promise.all([waitHttp(`http://${HOST}:${mock0Port}/v1/models`), waitHttp(`http://${HOST}:${mock20Port}/v1/models`), waitHttp(`${base}/health/ready`), waitHttp(`http://${HOST}:${peerPort}/`)]);
  log(`up: mock0 :${mock0Port} mock20 :${mock20Port} gateway :${gwPort} (pid ${gw.pid}) peer :${peerPort}`);

  // --- admin setup: full path (key, limits, priced model, billing + balance) ---
  const { accessToken: tok } = await admin(base, null, 'POST', '/api/auth/login', { email: 'bench@example.com', password: ownerPassword });
  const org = await admin(base, tok, 'POST', '/api/orgs', { name: 'Bench' });
  await admin(base, tok, 'PUT', '/api/platform/private-hosts', { hosts: ['127.0.0.1'] });
  for (const [name, port] of [['m0', mock0Port], ['m20', mock20Port]]) {
    const acct = await admin(base, tok, 'POST', `/api/orgs/${org.id}/provider-accounts`, { name: `mock-${name}`, kind: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'x' });
    const model = await admin(base, tok, 'POST', `/api/orgs/${org.id}/models`, { name, deployments: [{ providerAccountId: acct.id, upstreamModel: 'm' }] });
    await admin(base, tok, 'POST', `/api/orgs/${org.id}/models/${model.id}/prices`, { inputPerMillion: '1', outputPerMillion: '2' });
  }
  await admin(base, tok, 'PUT', `/api/orgs/${org.id}/billing/settings`, { enabled: true });
  await admin(base, tok, 'POST', `/api/orgs/${org.id}/billing/top-ups`, { amount: '1000000' });
  await admin(base, tok, 'PATCH', `/api/orgs/${org.id}`, { limits: { rpm: 10_000_000, tpm: 10_000_000_000 } });
  const { secret } = await admin(base, tok, 'POST', `/api/orgs/${org.id}/api-keys`, { name: 'bench' });

  const targets = (mockPort, model) => ({
    direct: { port: mockPort, path: '/v1/chat/completions', headers: { authorization: 'Bearer x' }, model: 'm' },
    ours: { port: gwPort, path: '/v1/chat/completions', headers: { authorization: `Bearer ${secret}` }, model },
    peer: { port: peerPort, path: '/v1/chat/completions', headers: { authorization: 'Bearer x', 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `http://127.0.0.1:${mockPort}/v1` }, model: 'm' },
  });
  const T0 = targets(mock0Port, 'm0'), T20 = targets(mock20Port, 'm20');
  const chatBody = (t, extra = {}) => ({ model: t.model, max_tokens: 16, messages: [{ role: 'user', content: 'hello there, how are you' }], ...extra });

  // sanity: every target answers 200 and billing settles
  for (const [k, t] of Object.entries(T0)) {
    const r = await req(t, chatBody(t));
    if (r.status !== 200) throw new Error(`sanity ${k}: ${r.status} ${r.error ?? r.body}`);
  }
  const balanceBefore = (await admin(base, tok, 'GET', `/api/orgs/${org.id}/billing`).catch(() => null));
  results.billingProbe = balanceBefore ? JSON.stringify(balanceBefore).slice(0, 300) : 'n/a';

  // --- (1) added latency at concurrency 1, alternating rounds (0 ms mock) ---
  log('phase 1: latency c=1');
  for (const t of Object.values(T0)) for (let i = 0; i < 30; i++) await req(t, chatBody(t)); // warm-up
  const lat = { direct: [], ours: [], peer: [] }; let latErrors = 0;
  for (let round = 0; round < LAT_ROUNDS; round++) {
    for (const [k, t] of Object.entries(T0)) {
      for (let i = 0; i < LAT_N; i++) { const r = await req(t, chatBody(t)); if (r.status === 200) lat[k].push(r.ms); else latErrors++; }
    }
  }
  const L = Object.fromEntries(Object.entries(lat).map(([k, a]) => [k, { n: a.length, p50: r2(pct(a, 50)), p99: r2(pct(a, 99)) }]));
  results.latency = { mockLatencyMs: 0, ...L, errors: latErrors,
    addedOurs: { p50: r2(L.ours.p50 - L.direct.p50), p99: r2(L.ours.p99 - L.direct.p99) },
    addedPeer: { p50: r2(L.peer.p50 - L.direct.p50), p99: r2(L.peer.p99 - L.direct.p99) } };
  log('latency', JSON.stringify(results.latency));

  // --- (2) throughput: highest fixed rate with 0 errors and added p99 <= 10 ms (20 ms mock) ---
  log('phase 2: throughput');
  const cannon = (t, rate, seconds, extraBody = {}) => new Promise((resolve, reject) => {
    autocannon({ url: `http://${HOST}:${t.port}${t.path}`, method: 'POST', headers: { ...t.headers, 'content-type': 'application/json' },
      body: JSON.stringify(chatBody(t, extraBody)), overallRate: rate, connections: Math.min(1000, Math.max(20, Math.ceil(rate * 0.08))),
      duration: seconds, timeout: 10 }, (err, res) => (err ? reject(err) : resolve(res)));
  });
  const summarize = (res, rate, seconds) => ({ rate, sent: res.requests.sent, ok: res['2xx'], achievedRps: r2(res['2xx'] / (res.duration || seconds)), errors: res.errors + res.timeouts + res.non2xx,
    p50: res.latency.p50, p99: res.latency.p99 });
  const rates = [100, 250, 500, 750, 1000, 1500, 2000, 3000, 4000, 6000];
  const tp = { steps: [], best: { ours: null, peer: null } };
  const alive = { ours: true, peer: true };
  for (const rate of rates) {
    if (!alive.ours && !alive.peer) break;
    if ((Date.now() - t0) / 1000 > MAX_S - SOAK_S - 150) { log('throughput: time budget reached'); break; }
    await cannon(T20.direct, rate, 1);
    const d = summarize(await cannon(T20.direct, rate, STEP_S), rate, STEP_S);
    const step = { rate, direct: d };
    for (const k of ['ours', 'peer']) {
      if (!alive[k]) continue;
      await sleep(500);
      await cannon(T20[k], rate, 1); // untracked warm-up: connections, JIT
      const s = summarize(await cannon(T20[k], rate, STEP_S), rate, STEP_S);
      s.addedP99 = s.p99 - d.p99;
      s.pass = s.errors === 0 && s.ok >= 0.95 * rate * STEP_S && s.addedP99 <= 10;
      step[k] = s;
      if (s.pass) tp.best[k] = rate; else alive[k] = false;
    }
    tp.steps.push(step);
    log('step', JSON.stringify(step));
    if (d.ok < 0.95 * rate * STEP_S || d.errors) { log('direct mock cannot hold this rate; stopping'); break; }
  }
  results.throughput = tp;

  // --- (3) streaming: added TTFT (c=1) and concurrent streams held ---
  log('phase 3: streaming');
  const sBody = (t, content = 'hello there, how are you') => ({ model: t.model, max_tokens: 16, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content }] });
  const ttft = { direct: [], ours: [], peer: [] };
  for (let round = 0; round < 4; round++) for (const [k, t] of Object.entries(T0)) for (let i = 0; i < 50; i++) {
    const r = await req(t, sBody(t)); if (r.status === 200 && r.ttft != null) ttft[k].push(r.ttft);
  }
  const TT = Object.fromEntries(Object.entries(ttft).map(([k, a]) => [k, { n: a.length, p50: r2(pct(a, 50)), p99: r2(pct(a, 99)) }]));
  results.streaming = { ttft: TT, addedTtftOurs: { p50: r2(TT.ours.p50 - TT.direct.p50), p99: r2(TT.ours.p99 - TT.direct.p99) },
    addedTtftPeer: { p50: r2(TT.peer.p50 - TT.direct.p50), p99: r2(TT.peer.p99 - TT.direct.p99) }, concurrent: [] };
  const peerPid = children.find((c) => c.name === 'peer').child.pid;
  const slow = '[[mock:{"chunkDelayMs":1000,"chunks":8}]] hold the stream open';
  for (const n of STREAMS) for (const [k, pid] of [['ours', gw.pid], ['peer', peerPid]]) {
    const t = T0[k];
    await sleep(1000);
    const idle = rssMb(pid);
    let opened = 0;
    const all = Array.from({ length: n }, () => req(t, sBody(t, slow), { onFirstChunk: () => { opened++; } }));
    const until = Date.now() + 8000; let peak = idle, maxOpen = 0;
    while (Date.now() < until) { await sleep(250); peak = Math.max(peak, rssMb(pid)); maxOpen = Math.max(maxOpen, opened); if (opened >= n) break; }
    await sleep(1000); peak = Math.max(peak, rssMb(pid));
    const done = await Promise.race([Promise.all(all), sleep(30000).then(() => null)]);
    const completed = done ? done.filter((r) => r.status === 200 && r.body.includes('[DONE]')).length : 0;
    const failed = done ? done.filter((r) => r.status !== 200).length : n;
    const bad = done?.find((r) => r.status !== 200 || !r.body.includes('[DONE]'));
    const row = { target: k, streams: n, firstProblem: bad ? `${bad.status} ${(bad.error ?? bad.body).slice(-160)}` : null, openedWithFirstChunk: maxOpen, completed, failed, rssIdleMb: r2(idle), rssPeakMb: r2(peak), kbPerStream: r2(((peak - idle) * 1024) / n) };
    results.streaming.concurrent.push(row);
    log('streams', JSON.stringify(row));
  }

  // --- (4) soak: ours, fixed rate, RSS samples ---
  const soakRate = Math.max(100, Math.floor((tp.best.ours ?? 200) / 2));
  log(`phase 4: soak ${SOAK_S}s at ${soakRate} rps (20 ms mock)`);
  const samples = [{ s: 0, mb: r2(rssMb(gw.pid)) }];
  const soakStart = Date.now();
  const sampler = setInterval(() => samples.push({ s: r2((Date.now() - soakStart) / 1000), mb: r2(rssMb(gw.pid)) }), 5000);
  const soak = summarize(await cannon(T20.ours, soakRate, SOAK_S), soakRate, SOAK_S);
  clearInterval(sampler);
  samples.push({ s: r2((Date.now() - soakStart) / 1000), mb: r2(rssMb(gw.pid)) });
  // least-squares slope over samples after the first 20 % (warm-up excluded)
  const tail = samples.filter((x) => x.s >= SOAK_S * 0.2);
  const mx = tail.reduce((a, x) => a + x.s, 0) / tail.length, my = tail.reduce((a, x) => a + x.mb, 0) / tail.length;
  const slope = tail.reduce((a, x) => a + (x.s - mx) * (x.mb - my), 0) / tail.reduce((a, x) => a + (x.s - mx) ** 2, 0);
  await sleep(15000);
  results.soak = { seconds: SOAK_S, rate: soakRate, ...soak, rssStartMb: samples[0].mb, rssEndLoadMb: samples.at(-1).mb, rssMaxMb: Math.max(...samples.map((x) => x.mb)),
    rssGrowthMbPerMin: r2(slope * 60), rssAfter15sIdleMb: r2(rssMb(gw.pid)), samples };
  log('soak', JSON.stringify({ ...results.soak, samples: undefined }));
  results.elapsedSeconds = r2((Date.now() - t0) / 1000);
}

// ---------- report ----------
function report(r) {
  const m = r.machine ?? {}, L = r.latency, S = r.streaming, P = r.throughput, K = r.soak;
  const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : 'n/a');
  const lines = [`# Gateway benchmark ${r.date}`, '', `Run ${r.runId}, ${r.elapsedSeconds ?? '?'} s. Machine: ${m.nproc} vCPU (${m.cpu}), ${m.memGiB} GiB, Node ${m.node}, ${m.platform}.`,
    `Peer: @portkey-ai/gateway ${m.peer} (own CLI, NODE_ENV=production, --headless). Everything (load generator, mock, both gateways, PostgreSQL, Redis) shares this one machine, so absolute numbers are CPU-bound and pessimistic.`,
    `Ours runs the full path: real API key, org rate limits (high), priced model, billing enabled with holds + settlement, PostgreSQL + Redis (RUN_WORKER default on).`, ''];
  if (r.error) lines.push(`**Run failed:** ${r.error}`, '');
  if (L) lines.push('## 1. Added latency, concurrency 1 (0 ms mock, alternating rounds)', '', '| target | n | p50 ms | p99 ms | added p50 | added p99 |', '|---|---|---|---|---|---|',
    `| direct | ${L.direct.n} | ${L.direct.p50} | ${L.direct.p99} | - | - |`,
    `| ours | ${L.ours.n} | ${L.ours.p50} | ${L.ours.p99} | ${L.addedOurs.p50} | ${L.addedOurs.p99} |`,
    `| peer | ${L.peer.n} | ${L.peer.p50} | ${L.peer.p99} | ${L.addedPeer.p50} | ${L.addedPeer.p99} |`, '',
    `Errors: ${L.errors}. Ours/direct p50: ${ratio(L.ours.p50, L.direct.p50)}; ours/peer p50: ${ratio(L.ours.p50, L.peer.p50)}; added p50 ours/peer: ${ratio(L.addedOurs.p50, L.addedPeer.p50)}.`, '');
  if (P) {
    lines.push(`## 2. Throughput (20 ms mock, autocannon overallRate, ${r.config.STEP_S} s per step)`, '', 'Pass = 0 errors/non-2xx/timeouts, >= 95 % of the rate delivered, added p99 (vs direct at the same rate) <= 10 ms.', '',
      '| rate | direct p99 | ours ok/rps | ours p99 | ours +p99 | ours err | ours | peer rps | peer p99 | peer +p99 | peer err | peer |', '|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const s of P.steps) {
      const c = (x) => (x ? [x.achievedRps, x.p99, x.addedP99, x.errors, x.pass ? 'pass' : 'FAIL'] : ['-', '-', '-', '-', '-']);
      lines.push(`| ${s.rate} | ${s.direct.p99} | ${c(s.ours).join(' | ')} | ${c(s.peer).join(' | ')} |`);
    }
    lines.push('', `**Highest rate held: ours ${P.best.ours ?? 'none'} rps, peer ${P.best.peer ?? 'none'} rps (ratio ours/peer ${ratio(P.best.ours, P.best.peer)}).** Step grid is coarse (${r.config.STEP_S} s steps); the true limit lies between the last pass and the next step.`, '');
  }
  if (S) {
    lines.push('## 3. Streaming', '', '| TTFT (0 ms mock, c=1) | n | p50 ms | p99 ms |', '|---|---|---|---|');
    for (const k of ['direct', 'ours', 'peer']) lines.push(`| ${k} | ${S.ttft[k].n} | ${S.ttft[k].p50} | ${S.ttft[k].p99} |`);
    lines.push('', `Added TTFT p50/p99: ours ${S.addedTtftOurs.p50}/${S.addedTtftOurs.p99} ms, peer ${S.addedTtftPeer.p50}/${S.addedTtftPeer.p99} ms.`, '',
      'Concurrent streams (each 8 chunks, 1 s apart, ~8 s open):', '', '| target | streams | got first chunk | completed 200 | failed | RSS idle MB | RSS peak MB | KB / open stream |', '|---|---|---|---|---|---|---|---|');
    for (const c of S.concurrent) lines.push(`| ${c.target} | ${c.streams} | ${c.openedWithFirstChunk} | ${c.completed} | ${c.failed} | ${c.rssIdleMb} | ${c.rssPeakMb} | ${c.kbPerStream} |`);
    lines.push('');
  }
  if (K) lines.push(`## 4. Soak (ours, ${K.seconds} s at ${K.rate} rps, 20 ms mock)`, '', `Delivered ${K.achievedRps} rps, errors ${K.errors}, p50 ${K.p50} ms, p99 ${K.p99} ms.`,
    `RSS start ${K.rssStartMb} MB, max ${K.rssMaxMb} MB, end of load ${K.rssEndLoadMb} MB, 15 s after load ${K.rssAfter15sIdleMb} MB; growth (least squares after first 20 %) **${K.rssGrowthMbPerMin} MB/min**.`,
    `Samples (s:MB): ${K.samples.map((x) => `${Math.round(x.s)}:${Math.round(x.mb)}`).join(' ')}`, '');
  lines.push('Reproduce: `npm run bench` (knobs: BENCH_SOAK_SECONDS, BENCH_STEP_SECONDS, BENCH_LAT_ROUNDS, BENCH_LAT_N, BENCH_STREAMS, BENCH_MAX_SECONDS).');
  return lines.join('\n') + '\n';
}

const hardStop = setTimeout(() => { log(`hard cap ${MAX_S}s reached`); finish(new Error('hard time cap reached')); }, MAX_S * 1000);
let finished = false;
async function finish(err) {
  if (finished) return; finished = true;
  clearTimeout(hardStop);
  if (err) { results.error = err.message; log('ERROR', err.stack ?? err.message); }
  try { await cleanup(); } catch (e) { log('cleanup error', e.message); }
  agent.destroy();
  const dir = path.join(ROOT, 'bench/results'); mkdirSync(dir, { recursive: true });
  const stamp = results.date.slice(0, 10);
  writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(results, (k, v) => (k === 'samples' ? v.map((x) => `${x.s}:${x.mb}`).join(' ') : v), 1) + '\n');
  const md = report(results);
  writeFileSync(path.join(dir, `${stamp}.md`), md); writeFileSync(path.join(dir, 'latest.md'), md);
  log(`wrote bench/results/${stamp}.md, .json, latest.md`);
  process.exit(err ? 1 : 0);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => finish(new Error(`interrupted by ${sig}`)));
main().then(() => finish(), finish);
