// Where our gateway's time goes at a fixed rate: a V8 CPU profile of the load window (self time per function
// and per package), and PostgreSQL statements and Redis commands per request counted by proxies in front of
// both, less what the same process sends while idle (queue polling, schedules) over as long a window.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { log, sleep, startProxy, stop } from './processes.mjs';
import { cannon, r2 } from './http.mjs';

function area(url) {
  if (!url) return '(native / V8)';
  if (url.startsWith('node:')) return 'node core';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) { const rest = url.slice(nm + 13).split('/'); return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]; }
  const m = /\/(apps\/api\/dist|libs\/[^/]+\/dist)\/(.*)/.exec(url);
  return m ? `${m[1].replace('/dist', '')}/${m[2].split('/').slice(0, -1).join('/') || m[2]}` : url;
}

const frameName = ({ functionName, url, lineNumber }) =>
  `${functionName || '(anonymous)'} ${url ? `${url.replace(/^file:\/\/.*?\/(node_modules|apps|libs)\//, '$1/')}:${lineNumber + 1}` : ''}`.trim();
const isLibraryOrApp = (url) => Boolean(url) && !url.startsWith('node:');

/**
 * Self time per function and per package, and the same with native and Node-core time charged to the
 * nearest package or app frame that called it (so socket writes show whose writes they are).
 */
export function summarizeProfile(profile, top = 20) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = new Map();
  const ownerOf = (id) => {
    if (owner.has(id)) return owner.get(id);
    const n = byId.get(id);
    const o = isLibraryOrApp(n.callFrame.url) ? n : parent.has(id) ? ownerOf(parent.get(id)) : n;
    owner.set(id, o);
    return o;
  };
  const byFn = new Map(), byArea = new Map(), byOwnerArea = new Map(), byOwnerFn = new Map();
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  let idle = 0;
  for (const n of profile.nodes) {
    if (!n.hitCount) continue;
    const { functionName, url } = n.callFrame;
    if (functionName === '(idle)') { idle += n.hitCount; continue; }
    const special = ['(garbage collector)', '(program)'].includes(functionName);
    add(byFn, frameName(n.callFrame), n.hitCount);
    add(byArea, special ? functionName : area(url), n.hitCount);
    const o = special ? n : ownerOf(n.id);
    add(byOwnerArea, special ? functionName : area(o.callFrame.url), n.hitCount);
    add(byOwnerFn, frameName(o.callFrame), n.hitCount);
  }
  const busy = profile.samples.length - idle;
  const rank = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, hits]) => ({ name, pctOfBusy: r2((100 * hits) / busy) }));
  return { sampleCount: profile.samples.length, busyPct: r2((100 * busy) / profile.samples.length),
    topFunctions: rank(byFn), topAreas: rank(byArea), topAreasWithNativeCharged: rank(byOwnerArea), topFunctionsWithNativeCharged: rank(byOwnerFn) };
}

/** Per request: what the load window sent less what the same length of idle sent, by label. */
function perRequest(idle0, idle1, load1, ok) {
  const labels = new Set([...Object.keys(load1.byLabel), ...Object.keys(idle1.byLabel)]);
  const at = (s, k) => s.byLabel[k] ?? 0;
  return [...labels].map((k) => ({ what: k, perRequest: r2((at(load1, k) - 2 * at(idle1, k) + at(idle0, k)) / ok) }))
    .filter((x) => x.perRequest >= 0.05).sort((a, b) => b.perRequest - a.perRequest);
}

/** `startGateway(env, nodeArgs)` starts a second gateway process on the bench database and returns {child, port}. */
export async function profileGateway({ startGateway, pgTarget, redisTarget, target }, { profileSeconds, profileRate }) {
  const pgProxy = await startProxy('profile-pg-proxy', pgTarget, 'pg');
  const redisProxy = await startProxy('profile-redis-proxy', redisTarget, 'redis');
  const file = path.join(os.tmpdir(), `ai-router-bench-${process.pid}.cpuprofile`);
  const { child, port } = await startGateway({ pgPort: pgProxy.port, redisPort: redisProxy.port, env: { BENCH_CPU_PROFILE: file },
    nodeArgs: ['-r', path.join(import.meta.dirname, 'cpu-profile-preload.cjs')] });
  const t = { ...target, port };
  await cannon(t, profileRate, 3); // warm-up
  await sleep(2000);
  const snap = async () => ({ pg: await pgProxy.stats(), redis: await redisProxy.stats() });
  const idle0 = await snap();
  await sleep(profileSeconds * 1000);
  const idle1 = await snap();
  child.kill('SIGWINCH');
  const load = await cannon(t, profileRate, profileSeconds);
  const load1 = await snap();
  child.kill('SIGWINCH');
  const until = Date.now() + 15000;
  while (!existsSync(file) && Date.now() < until) await sleep(200);
  await sleep(500);
  await stop(child);
  await Promise.all([stop(pgProxy.child), stop(redisProxy.child)]);
  const perReq = (k) => r2((load1[k].messages - 2 * idle1[k].messages + idle0[k].messages) / load.ok);
  const result = { rate: profileRate, seconds: profileSeconds, ...load,
    idlePerSecond: { pgStatements: r2((idle1.pg.messages - idle0.pg.messages) / profileSeconds), redisCommands: r2((idle1.redis.messages - idle0.redis.messages) / profileSeconds) },
    perRequest: { pgStatements: perReq('pg'), redisCommands: perReq('redis') },
    pgPerRequest: perRequest(idle0.pg, idle1.pg, load1.pg, load.ok), redisPerRequest: perRequest(idle0.redis, idle1.redis, load1.redis, load.ok),
    profile: existsSync(file) ? summarizeProfile(JSON.parse(readFileSync(file, 'utf8'))) : null, profileFile: file };
  log('profile', JSON.stringify({ ...result, profile: result.profile && { ...result.profile, topFunctions: result.profile.topFunctions.slice(0, 8) } }));
  return result;
}
