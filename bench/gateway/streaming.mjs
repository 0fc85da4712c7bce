// Streaming: added time to first token and inter-chunk gap at concurrency 1, then many concurrent slow
// streams per gateway, each checked for every frame and for stalls, with RSS per open stream.
import { log, rssMb, sleep } from './processes.mjs';
import { added, r2, req, stats } from './http.mjs';

const streamBody = (t, content = 'hello there, how are you') => ({ model: t.model, max_tokens: 16, stream: true, stream_options: { include_usage: true }, messages: [{ role: 'user', content }] });
const GAP_PROMPT = '[[mock:{"chunkDelayMs":10,"chunks":10}]] paced stream';
const HOLD_CHUNK_MS = 1000;
const HOLD_PROMPT = `[[mock:{"chunkDelayMs":${HOLD_CHUNK_MS},"chunks":8}]] hold the stream open`;
/** A gap this much longer than the mock's pacing counts as a stalled stream. */
const STALL_MS = 3 * HOLD_CHUNK_MS;

async function alternating(T, rounds, perRound, body, pick) {
  const out = Object.fromEntries(Object.keys(T).map((k) => [k, []]));
  const failures = Object.fromEntries(Object.keys(T).map((k) => [k, 0]));
  for (let round = 0; round < rounds; round++) {
    for (const [k, t] of Object.entries(T)) {
      for (let i = 0; i < perRound; i++) {
        const r = await req(t, body(t));
        if (r.status === 200 && r.body.includes('[DONE]')) out[k].push(...pick(r)); else failures[k]++;
      }
    }
  }
  return { out, failures };
}

async function holdStreams(k, t, pid, n) {
  // The frame count of one stream alone through the same target is the reference for the burst.
  const expectedFrames = (await req(t, streamBody(t, HOLD_PROMPT))).frames;
  await sleep(1000);
  const idle = rssMb(pid);
  let opened = 0, ended = 0;
  const all = Array.from({ length: n }, () => req(t, streamBody(t, HOLD_PROMPT), { onFirstChunk: () => { opened++; } }).finally(() => { ended++; }));
  // Per open stream: the highest reading while every stream is open (all started, none ended). The
  // overall peak also holds the burst of n streams finishing in the same instant (usage records, settlement).
  let peak = idle, peakOpen = null;
  const sampler = setInterval(() => {
    const rss = rssMb(pid);
    peak = Math.max(peak, rss);
    if (opened === n && ended === 0) peakOpen = Math.max(peakOpen ?? idle, rss);
  }, 250);
  const done = await Promise.race([Promise.all(all), sleep(60000).then(() => null)]);
  clearInterval(sampler);
  const rows = done ?? [];
  const complete = rows.filter((r) => r.status === 200 && r.body.includes('[DONE]'));
  const lostFrames = complete.filter((r) => r.frames !== expectedFrames).length;
  // A stream stalls by a gap between chunks or by waiting for its first one (queued behind other streams).
  const stalled = complete.filter((r) => r.maxGap > STALL_MS || r.ttft > STALL_MS).length;
  const bad = rows.find((r) => r.status !== 200 || !r.body.includes('[DONE]'));
  const row = { target: k, streams: n, expectedFrames, openedWithFirstChunk: opened, completed: complete.length, failed: done ? n - complete.length : n,
    withLostFrames: lostFrames, stalled, held: done !== null && complete.length === n && lostFrames === 0 && stalled === 0,
    maxGapMs: r2(Math.max(0, ...complete.map((r) => r.maxGap))), maxFirstChunkMs: r2(Math.max(0, ...complete.map((r) => r.ttft))), firstProblem: bad ? `${bad.status} ${(bad.error ?? bad.body).slice(-160)}` : null,
    rssIdleMb: r2(idle), rssPeakOpenMb: r2(peakOpen), kbPerOpenStream: peakOpen === null ? null : r2(((peakOpen - idle) * 1024) / n),
    rssPeakMb: r2(peak), kbPerStreamWithEnd: r2(((peak - idle) * 1024) / n) };
  log('streams', JSON.stringify(row));
  return row;
}

export async function measureStreaming(T, pids, { streams, quick }) {
  const ttft = await alternating(T, quick ? 2 : 4, quick ? 20 : 50, (t) => streamBody(t), (r) => [r.ttft]);
  const TT = Object.fromEntries(Object.entries(ttft.out).map(([k, a]) => [k, stats(a)]));
  const gap = await alternating(T, 2, quick ? 10 : 20, (t) => streamBody(t, GAP_PROMPT), (r) => r.gaps);
  const G = Object.fromEntries(Object.entries(gap.out).map(([k, a]) => [k, stats(a)]));
  const result = { ttft: TT, ttftFailures: ttft.failures, addedTtftOurs: added(TT.ours, TT.direct), addedTtftPeer: added(TT.peer, TT.direct), addedTtftFloor: added(TT.floor, TT.direct),
    gapMockMs: 10, gap: G, gapFailures: gap.failures, addedGapOurs: added(G.ours, G.direct), addedGapPeer: added(G.peer, G.direct), addedGapFloor: added(G.floor, G.direct), stallMs: STALL_MS, concurrent: [] };
  log('streaming c=1', JSON.stringify({ ...result, concurrent: undefined }));
  for (const n of streams) for (const k of ['ours', 'peer', 'floor']) result.concurrent.push(await holdStreams(k, T[k], pids[k], n));
  return result;
}
