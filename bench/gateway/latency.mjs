// Added latency at concurrency 1 against the 0 ms mock: direct, ours, the peer and the floor in alternating
// rounds so drift in machine load hits them alike.
import { log } from './processes.mjs';
import { added, chatBody, req, stats } from './http.mjs';

export async function measureLatency(T, { latRounds, latN }) {
  for (const t of Object.values(T)) for (let i = 0; i < 30; i++) await req(t, chatBody(t)); // warm-up: JIT, pools
  const ms = Object.fromEntries(Object.keys(T).map((k) => [k, []]));
  let errors = 0;
  for (let round = 0; round < latRounds; round++) {
    for (const [k, t] of Object.entries(T)) {
      for (let i = 0; i < latN; i++) {
        const r = await req(t, chatBody(t));
        if (r.status === 200) ms[k].push(r.ms); else errors++;
      }
    }
  }
  const L = Object.fromEntries(Object.entries(ms).map(([k, a]) => [k, stats(a)]));
  const result = { mockLatencyMs: 0, ...L, errors, addedOurs: added(L.ours, L.direct), addedPeer: added(L.peer, L.direct), ...(L.floor && { addedFloor: added(L.floor, L.direct) }) };
  log('latency', JSON.stringify(result));
  return result;
}
