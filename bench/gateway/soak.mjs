// Soak: our gateway at a fixed rate for a long time; RSS growth per minute (least squares after a warm-up
// fifth) and RSS after the load stops compared with the idle RSS just before it.
import { log, rssMb, sleep } from './processes.mjs';
import { cannon, r2 } from './http.mjs';

const slopePerMinute = (samples) => {
  const mx = samples.reduce((a, x) => a + x.s, 0) / samples.length, my = samples.reduce((a, x) => a + x.mb, 0) / samples.length;
  return r2((60 * samples.reduce((a, x) => a + (x.s - mx) * (x.mb - my), 0)) / samples.reduce((a, x) => a + (x.s - mx) ** 2, 0));
};

export async function soak(t, pid, { seconds, rate, afterLoadSeconds }) {
  await sleep(10000);
  const idleMb = r2(rssMb(pid));
  log(`soak ${seconds}s at ${rate} rps, idle RSS ${idleMb} MB`);
  const started = Date.now();
  const samples = [];
  const sample = () => samples.push({ s: r2((Date.now() - started) / 1000), mb: r2(rssMb(pid)) });
  sample();
  const sampler = setInterval(sample, 5000);
  const load = await cannon(t, rate, seconds);
  clearInterval(sampler);
  sample();
  const after = {};
  let waited = 0;
  for (const at of afterLoadSeconds) { await sleep((at - waited) * 1000); waited = at; after[at] = r2(rssMb(pid)); }
  const afterMb = after[afterLoadSeconds.at(-1)];
  const result = { seconds, rate, ...load, idleMb, rssMaxMb: Math.max(...samples.map((x) => x.mb)), rssEndLoadMb: samples.at(-1).mb,
    growthMbPerMin: slopePerMinute(samples.filter((x) => x.s >= seconds * 0.2)), afterLoadMb: after, afterVsIdle: r2(afterMb / idleMb),
    backWithin20pct: afterMb <= idleMb * 1.2, samples };
  log('soak', JSON.stringify({ ...result, samples: undefined }));
  return result;
}
