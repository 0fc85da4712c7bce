// Usage recording while PostgreSQL is briefly unreachable: the gateway reaches PostgreSQL only through a
// TCP proxy here (the shared server itself must stay up); the proxy drops every connection and refuses new
// ones for a while during load. Afterwards every answered 200 must have its usage row for the org.
import pg from 'pg';
import { log, rssMb, sleep } from './processes.mjs';
import { cannon, r2 } from './http.mjs';

async function usageRows(dbUrl, orgId) {
  const c = new pg.Client(dbUrl);
  await c.connect();
  try {
    const { rows } = await c.query('SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 200)::int AS ok FROM usage_logs WHERE org_id = $1', [orgId]);
    return rows[0];
  } finally { await c.end(); }
}

export async function pgOutage(t, { pid, proxy, dbUrl, orgId }, { outageLoadSeconds, outageCutSeconds, outageRate }) {
  const rss = [{ s: 0, mb: r2(rssMb(pid)) }];
  const started = Date.now();
  const sampler = setInterval(() => rss.push({ s: r2((Date.now() - started) / 1000), mb: r2(rssMb(pid)) }), 2000);
  const cutAt = Math.max(2, Math.floor(outageLoadSeconds / 3));
  const outage = (async () => {
    await sleep(cutAt * 1000);
    log(`pg outage: cutting PostgreSQL for ${outageCutSeconds}s`);
    await proxy.cut();
    await sleep(outageCutSeconds * 1000);
    await proxy.restore();
    log('pg outage: PostgreSQL reachable again');
  })();
  const load = await cannon(t, outageRate, outageLoadSeconds);
  await outage;
  // Drain: rows may land after the responses (queued or buffered writes); wait until all are there or none arrive for 20 s.
  const drainStarted = Date.now();
  let rows = await usageRows(dbUrl, orgId), lastChange = Date.now();
  while (rows.ok < load.ok && Date.now() - lastChange < 20000 && Date.now() - drainStarted < 180000) {
    await sleep(2000);
    const next = await usageRows(dbUrl, orgId);
    if (next.total !== rows.total) lastChange = Date.now();
    rows = next;
  }
  clearInterval(sampler);
  rss.push({ s: r2((Date.now() - started) / 1000), mb: r2(rssMb(pid)) });
  const result = { rate: outageRate, loadSeconds: outageLoadSeconds, cutAtSecond: cutAt, cutSeconds: outageCutSeconds,
    answered200: load.ok, errors: load.errors, sent: load.sent, statusCounts: load.statusCounts, socketErrors: load.socketErrors, timeouts: load.timeouts, usageRows: rows.total, usageRows200: rows.ok, lostRows: Math.max(0, load.ok - rows.ok),
    drainSeconds: r2((Date.now() - drainStarted) / 1000), rssStartMb: rss[0].mb, rssMaxMb: Math.max(...rss.map((x) => x.mb)), rssEndMb: rss.at(-1).mb, samples: rss };
  log('pg outage', JSON.stringify({ ...result, samples: undefined }));
  return result;
}
