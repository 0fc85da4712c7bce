// Markdown report of one run; the optimisation history is kept by hand in its own file and included as is.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './config.mjs';

const ratio = (a, b) => (a && b ? `${(a / b).toFixed(2)}x` : 'n/a');
const fmt = (o) => Object.entries(o ?? {}).map(([k, v]) => `${k} ${v}`).join(', ');

function header(r) {
  const m = r.machine ?? {};
  return [`# Gateway benchmark ${r.date}${r.config?.quick ? ' (quick smoke run)' : ''}`, '',
    `Run ${r.runId}, ${r.elapsedSeconds ?? '?'} s. Machine: ${m.nproc} vCPU (${m.cpu}), ${m.memGiB} GiB, Node ${m.node}, ${m.platform}.`,
    `Load average (1/5/15 min) at start ${m.loadStart?.join(' / ')}, at end ${r.loadEnd?.join(' / ') ?? '?'}: the machine is shared, so every number below is CPU-bound and noisy; compare within this run (ours vs peer vs direct), not across runs.`,
    `Peer: @portkey-ai/gateway ${m.peer} (own CLI, NODE_ENV=production, --headless), preloaded with \`bench/gateway/peer-fetch-fix.cjs\` (see streaming). Load generator, mock, both gateways, PostgreSQL and Redis share this machine.`,
    `Ours runs as ${r.config?.httpWorkers > 1 ? `${r.config.httpWorkers} gateway processes on one port (\`HTTP_WORKERS=${r.config.httpWorkers}\`)` : 'one process (`HTTP_WORKERS=1`, the default: the load generator, the mock, PostgreSQL and Redis share the vCPUs)'}${r.throughput?.altWorkers ? `; section 2 also gives the capacity with \`HTTP_WORKERS=${r.throughput.altWorkers}\`` : ''}. ` +
    'It runs the full path in production mode: real API key auth, org rate limits (set high), priced model with billing on (quota/budget hold and settlement), routing, key pool, usage recording, PostgreSQL and Redis (worker in-process, the default), both reached directly; only the outage scenario and the profile run use a second gateway process behind the bench\'s TCP proxies.', ''];
}

function latency(L) {
  return ['## 1. Added latency, concurrency 1 (0 ms mock, alternating rounds)', '', '| target | n | p50 ms | p99 ms | added p50 | added p99 |', '|---|---|---|---|---|---|',
    `| direct | ${L.direct.n} | ${L.direct.p50} | ${L.direct.p99} | - | - |`,
    `| ours | ${L.ours.n} | ${L.ours.p50} | ${L.ours.p99} | ${L.addedOurs.p50} | ${L.addedOurs.p99} |`,
    `| peer | ${L.peer.n} | ${L.peer.p50} | ${L.peer.p99} | ${L.addedPeer.p50} | ${L.addedPeer.p99} |`,
    ...(L.floor ? [`| floor (bare Fastify + undici pass-through) | ${L.floor.n} | ${L.floor.p50} | ${L.floor.p99} | ${L.addedFloor.p50} | ${L.addedFloor.p99} |`] : []), '',
    `Errors: ${L.errors}. Ours/direct p50 ${ratio(L.ours.p50, L.direct.p50)}; ours/peer p50 ${ratio(L.ours.p50, L.peer.p50)}; added p50 ours/peer ${ratio(L.addedOurs.p50, L.addedPeer.p50)}${L.floor ? `; floor/peer ${ratio(L.addedFloor.p50, L.addedPeer.p50)} (the least a Node gateway adds here, \`bench/gateway/floor-proxy.mjs\`: no auth, limits, billing, routing or recording)` : ''}.`, ''];
}

function throughput(P, cfg) {
  const lines = [`## 2. Throughput (20 ms mock, open loop, ${cfg.stepSeconds} s per step after a 1 s warm-up)`, '',
    `A step is **held** with 0 errors/non-2xx/timeouts and >= 99 % of the offered requests answered; it **passes** when also its p99 is at most ${P.addedP99LimitMs} ms above direct-to-mock measured right before it at the same rate with the same connection count (autocannon overallRate, ceil(rate x 0.04 s) + 2 connections). Two searches per gateway, each doubling from its start rate until a step fails, then bisecting, within ${cfg.searchSeconds} s: "strict" (pass) and "capacity" (held, p99 reported but not judged).`, '',
    '| gateway | search | rate | conns | direct p50/p99 | p50 | p99 | added p50 | added p99 | answered rps | errors | held | pass |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const s of P.steps) {
    const x = s[s.target];
    lines.push(`| ${s.target} | ${s.search} | ${s.rate} | ${x.connections} | ${s.direct.p50}/${s.direct.p99} | ${x.p50} | ${x.p99} | ${x.addedP50} | ${x.addedP99} | ${x.achievedRps} | ${x.errors} | ${x.held ? 'yes' : 'no'} | ${x.pass ? 'pass' : 'FAIL'} |`);
  }
  lines.push('', `**Highest rate passing (added p99 <= ${P.addedP99LimitMs} ms): ours ${P.best.ours ?? 'none'} rps, peer ${P.best.peer ?? 'none'} rps (ours/peer ${ratio(P.best.ours, P.best.peer)}).** Bracket (last pass / first fail): ours ${fmt(P.bracket.ours)}; peer ${fmt(P.bracket.peer)}.`,
    '', `**Capacity (every request answered, no errors, latency not judged): ours ${P.capacity.ours ?? 'none'} rps, peer ${P.capacity.peer ?? 'none'} rps (ours/peer ${ratio(P.capacity.ours, P.capacity.peer)}).** Bracket: ours ${fmt(P.capacityBracket.ours)}; peer ${fmt(P.capacityBracket.peer)}.`);
  if (P.capacity.oursAlt !== undefined) lines.push('', `Ours as **${P.altWorkers === 1 ? 'one process' : `${P.altWorkers} processes`}** (\`HTTP_WORKERS=${P.altWorkers}\`, same org and key, capacity search only, row "oursAlt"): ${P.capacity.oursAlt ?? 'none'} rps (vs the peer ${ratio(P.capacity.oursAlt, P.capacity.peer)}). Bracket: ${fmt(P.capacityBracket.oursAlt)}.`);
  if (P.capacity.floor !== undefined) lines.push('', `The **floor** (bare Fastify + undici pass-through, one process, capacity search only): ${P.capacity.floor ?? 'none'} rps (vs the peer ${ratio(P.capacity.floor, P.capacity.peer)}). Bracket: ${fmt(P.capacityBracket.floor)}.`);
  if (Object.keys(P.limitedByDirect).length) lines.push('', `Direct-to-mock itself could not hold: ${fmt(P.limitedByDirect)} rps (the load generator or mock is the ceiling there).`);
  return [...lines, ''];
}

function streaming(S) {
  const lines = ['## 3. Streaming', '', '| concurrency 1 | TTFT n | TTFT p50 ms | TTFT p99 ms | chunk gap p50 ms | chunk gap p99 ms |', '|---|---|---|---|---|---|'];
  for (const k of ['direct', 'ours', 'peer', 'floor']) lines.push(`| ${k} | ${S.ttft[k].n} | ${S.ttft[k].p50} | ${S.ttft[k].p99} | ${S.gap[k].p50} | ${S.gap[k].p99} |`);
  lines.push('', `Added TTFT p50/p99 (0 ms mock): ours ${S.addedTtftOurs.p50}/${S.addedTtftOurs.p99} ms, peer ${S.addedTtftPeer.p50}/${S.addedTtftPeer.p99} ms, floor ${S.addedTtftFloor.p50}/${S.addedTtftFloor.p99} ms. ` +
    `Added inter-chunk gap p50/p99 (mock paces chunks ${S.gapMockMs} ms apart): ours ${S.addedGapOurs.p50}/${S.addedGapOurs.p99} ms, peer ${S.addedGapPeer.p50}/${S.addedGapPeer.p99} ms, floor ${S.addedGapFloor.p50}/${S.addedGapFloor.p99} ms. Failed streams at c=1: TTFT ${fmt(S.ttftFailures)}; gap ${fmt(S.gapFailures)}.`, '',
    'The peer waits 25 ms before forwarding the first chunk of every OpenAI-format stream (a fixed `setTimeout(25)` in its stream transformer), which is in its TTFT. Portkey 1.15.2 on Node also fails every stream with "TypeError: immutable" (it appends headers to the immutable headers of the upstream fetch response; Portkey-AI/gateway #1389, #1550); the bench preloads the copy-headers fix of Portkey PR #1551 into the peer so it can be measured at all.', '',
    'The floor (`bench/gateway/floor-proxy.mjs`) pipes a stream\'s bytes through unread: the least a Node gateway on Fastify and undici adds to a stream and holds per open stream here.', '',
    `Concurrent streams (each 8 chunks 1 s apart, ~8 s open). "Held" = every stream 200 with [DONE], the same frame count as one stream alone through that gateway, and neither a gap between chunks nor a wait for the first one over ${S.stallMs} ms. ` +
    'RSS (of the gateway\'s process tree, every 250 ms) minus idle, per stream: "open" is the highest reading while every stream is open (all started, none ended), the per-open-stream figure; "with end" is the highest reading of the whole run, which adds the burst of every stream finishing in the same instant (usage records, settlement):', '',
    '| gateway | streams | first chunk | max first chunk ms | completed | failed | lost frames | stalled | max gap ms | held | RSS idle MB | RSS open MB | KB per open stream | RSS peak with end MB | KB per stream with end |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of S.concurrent) lines.push(`| ${c.target} | ${c.streams} | ${c.openedWithFirstChunk} | ${c.maxFirstChunkMs} | ${c.completed} | ${c.failed} | ${c.withLostFrames} | ${c.stalled} | ${c.maxGapMs} | ${c.held ? 'yes' : '**no**'} | ${c.rssIdleMb} | ${c.rssPeakOpenMb ?? '-'} | ${c.kbPerOpenStream ?? '-'} | ${c.rssPeakMb} | ${c.kbPerStreamWithEnd} |`);
  const problems = S.concurrent.filter((c) => c.firstProblem).map((c) => `${c.target}@${c.streams}: ${c.firstProblem}`);
  if (problems.length) lines.push('', `First problem seen: ${problems.join('; ')}`);
  return [...lines, ''];
}

function soak(K) {
  return [`## 4. Soak (ours, ${K.seconds} s at ${K.rate} rps, 20 ms mock)`, '',
    `Answered ${K.achievedRps} rps, errors ${K.errors}, p50 ${K.p50} ms, p99 ${K.p99} ms.`,
    `RSS idle before load ${K.idleMb} MB, max ${K.rssMaxMb} MB, end of load ${K.rssEndLoadMb} MB; growth (least squares after the first 20 %) **${K.growthMbPerMin} MB/min**.`,
    `After load stops (s: MB): ${fmt(K.afterLoadMb)}; after ${Object.keys(K.afterLoadMb).at(-1)} s it is **${K.afterVsIdle}x idle** (${K.backWithin20pct ? 'back within 20 %' : '**not** back within 20 %'}).`,
    `Samples (s:MB): ${K.samples.map((x) => `${Math.round(x.s)}:${Math.round(x.mb)}`).join(' ')}`, ''];
}

function outage(O) {
  return [`## 5. Usage recording with PostgreSQL briefly unreachable`, '',
    `${O.rate} rps for ${O.loadSeconds} s (dedicated org, 20 ms mock); at second ${O.cutAtSecond} the TCP proxy between the gateway and PostgreSQL resets every connection and refuses new ones for ${O.cutSeconds} s.`, '',
    `Answered 200: **${O.answered200}**, errors ${O.errors} (of ${O.sent} sent; responses by status: ${fmt(O.statusCounts)}; socket errors ${O.socketErrors}, timeouts ${O.timeouts}). Usage rows for the org after ${O.drainSeconds} s drain: ${O.usageRows} (status 200: ${O.usageRows200}). **Lost rows: ${O.lostRows}.**`,
    `RSS start ${O.rssStartMb} MB, max ${O.rssMaxMb} MB, end ${O.rssEndMb} MB. Samples (s:MB): ${O.samples.map((x) => `${Math.round(x.s)}:${Math.round(x.mb)}`).join(' ')}`, ''];
}

function profile(F) {
  const table = (head, rows, name = (x) => x.name, val = (x) => x.pctOfBusy) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((x) => `| \`${name(x)}\` | ${val(x)} |`), ''];
  const lines = [`## 6. Where the time goes (ours, ${F.rate} rps for ${F.seconds} s on the 20 ms mock, CPU profile of the load window)`, '',
    `Answered ${F.achievedRps} rps, errors ${F.errors}, p50 ${F.p50} ms, p99 ${F.p99} ms. Counted by proxies in front of PostgreSQL and Redis: **${F.perRequest.pgStatements} PostgreSQL statements and ${F.perRequest.redisCommands} Redis commands per request** (what the same process sends while idle — ${F.idlePerSecond.pgStatements} statements/s, ${F.idlePerSecond.redisCommands} commands/s, queue polling and schedules — is subtracted). Per request, by statement / command and key shape (>= 0.05):`, '',
    ...table(['PostgreSQL statement', 'per request'], F.pgPerRequest ?? [], (x) => x.what, (x) => x.perRequest),
    ...table(['Redis command and key', 'per request'], F.redisPerRequest ?? [], (x) => x.what, (x) => x.perRequest)];
  if (F.profile) {
    const P = F.profile;
    lines.push(`The profiler found the process busy in ${P.busyPct} % of samples; shares below are of busy samples. Native and Node-core time (socket writes, hashing) is charged to the nearest package or app frame that called it in the left-hand tables; the plain self-time tables follow.`, '',
      ...table(['package / folder (native charged to caller)', '%'], P.topAreasWithNativeCharged.slice(0, 12)),
      ...table(['function (native charged to caller)', '%'], P.topFunctionsWithNativeCharged.slice(0, 15)),
      ...table(['package / folder (plain self time)', '%'], P.topAreas.slice(0, 10)),
      ...table(['function (plain self time)', '%'], P.topFunctions.slice(0, 12)));
  }
  return lines;
}

export function report(r) {
  const lines = header(r);
  if (r.error) lines.push(`**Run failed:** ${r.error}`, '');
  if (r.latency) lines.push(...latency(r.latency));
  if (r.throughput) lines.push(...throughput(r.throughput, r.config));
  if (r.streaming) lines.push(...streaming(r.streaming));
  if (r.soak) lines.push(...soak(r.soak));
  if (r.pgOutage) lines.push(...outage(r.pgOutage));
  if (r.profile) lines.push(...profile(r.profile));
  const findings = path.join(ROOT, 'bench/results/findings.md');
  if (existsSync(findings)) lines.push(readFileSync(findings, 'utf8').trim(), '');
  const history = path.join(ROOT, 'bench/results/optimisation-history.md');
  if (existsSync(history)) lines.push(readFileSync(history, 'utf8').trim(), '');
  lines.push('Reproduce: `npm run bench` (about 25 min); `BENCH_QUICK=1 npm run bench` for a ~5 min smoke run written to the temp folder. Knobs: BENCH_LAT_ROUNDS, BENCH_LAT_N, BENCH_STEP_SECONDS, BENCH_SEARCH_SECONDS, BENCH_STREAMS, BENCH_SOAK_SECONDS, BENCH_SOAK_RATE, BENCH_OUTAGE_LOAD_SECONDS, BENCH_OUTAGE_CUT_SECONDS, BENCH_OUTAGE_RATE, BENCH_PROFILE_SECONDS, BENCH_PROFILE_RATE, BENCH_HTTP_WORKERS, BENCH_MAX_SECONDS.');
  return lines.join('\n') + '\n';
}
