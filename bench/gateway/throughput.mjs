// Highest open-loop rate a gateway holds against the 20 ms mock: zero errors, >= 99 % of the rate delivered,
// and added p99 <= 10 ms, where added p99 compares with direct-to-mock at the same rate and connection count.
// Direct is measured again next to every step: on a shared machine its p99 drifts with the load.
// Search: doubling from the start rate until a step fails, then bisection, within a time budget per gateway.
import { log, sleep } from './processes.mjs';
import { cannon, r2 } from './http.mjs';

const ADDED_P99_LIMIT_MS = 10;

export async function measureThroughput(T, { stepSeconds, searchSeconds, startRate = 100 }) {
  const run = async (t, rate) => { await cannon(t, rate, 1); return cannon(t, rate, stepSeconds); }; // 1 s unrecorded warm-up
  const held = (s, rate) => s.errors === 0 && s.ok >= 0.99 * rate * stepSeconds;
  const result = { addedP99LimitMs: ADDED_P99_LIMIT_MS, steps: [], best: {}, limitedByDirect: {} };
  for (const k of ['ours', 'peer']) {
    const until = Date.now() + searchSeconds * 1000;
    let lo = 0, hi = null, rate = startRate;
    while (Date.now() < until) {
      const d = await run(T.direct, rate); // right before the gateway's step, so both see the same machine load
      if (!held(d, rate)) { result.limitedByDirect[k] = rate; hi = rate; log(`throughput ${k}: direct cannot hold ${rate} rps`); break; }
      await sleep(300);
      const s = await run(T[k], rate);
      s.addedP99 = s.p99 - d.p99;
      s.pass = held(s, rate) && s.addedP99 <= ADDED_P99_LIMIT_MS;
      result.steps.push({ target: k, rate, direct: d, [k]: s });
      log('step', k, JSON.stringify({ rate, conns: s.connections, directP99: d.p99, p99: s.p99, addedP99: s.addedP99, rps: s.achievedRps, errors: s.errors, pass: s.pass }));
      if (s.pass) lo = rate; else hi = rate;
      if (hi !== null && (hi - lo <= Math.max(20, lo * 0.1) || hi <= 25)) break;
      rate = hi === null ? rate * 2 : Math.round((lo + hi) / 2 / 10) * 10 || Math.round(hi / 2);
    }
    result.best[k] = lo || null;
    result.bracket = { ...result.bracket, [k]: { pass: lo, fail: hi } };
  }
  result.ratioOursToPeer = result.best.ours && result.best.peer ? r2(result.best.ours / result.best.peer) : null;
  return result;
}
