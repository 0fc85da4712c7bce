// Client side: one request with timing of every received chunk, percentiles, the admin API, open-loop load.
import http from 'node:http';
import autocannon from 'autocannon';
import { HOST } from './config.mjs';

export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * POSTs `body` to a target ({port, path, headers}). Resolves with status, total ms, time to the first chunk,
 * the number of SSE `data:` frames, the largest gap between chunks, every gap, and the body tail.
 */
export function req(target, body, { onFirstChunk } = {}) {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const start = nowMs();
    const r = http.request({ host: HOST, port: target.port, path: target.path, method: 'POST', agent,
      headers: { ...target.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
      let first = null, last = null, frames = 0, maxGap = 0, tail = '';
      const gaps = [];
      res.setEncoding('utf8');
      res.on('data', (d) => {
        const t = nowMs();
        if (first === null) { first = t - start; onFirstChunk?.(); } else { gaps.push(t - last); maxGap = Math.max(maxGap, t - last); }
        last = t;
        frames += (tail.slice(-5) + d).split('data:').length - 1;
        tail = (tail + d).slice(-4096);
      });
      res.on('end', () => resolve({ status: res.statusCode, ms: nowMs() - start, ttft: first, frames, maxGap, gaps, body: tail }));
      res.on('error', (e) => resolve({ status: 0, error: e.message, frames, body: tail }));
    });
    r.on('error', (e) => resolve({ status: 0, error: e.message, frames: 0, body: '' }));
    r.end(payload);
  });
}

export const pct = (arr, p) => {
  const s = [...arr].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};
export const r2 = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
export const stats = (arr) => ({ n: arr.length, p50: r2(pct(arr, 50)), p99: r2(pct(arr, 99)) });
export const added = (a, b) => ({ p50: r2(a.p50 - b.p50), p99: r2(a.p99 - b.p99) });

export async function admin(base, token, method, p, body) {
  const res = await fetch(`${base}${p}`, { method, headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${p} -> ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}

export const chatBody = (t, extra = {}) => ({ model: t.model, max_tokens: 16, messages: [{ role: 'user', content: 'hello there, how are you' }], ...extra });

/**
 * Open-loop load at `rate` requests/s for `seconds`. autocannon keeps one request in flight per connection,
 * so the rate only holds with about rate x expected latency connections; 40 ms covers the 20 ms mock plus
 * gateway time with headroom, and 2 spare connections absorb jitter at low rates.
 */
export const connectionsFor = (rate) => Math.ceil(rate * 0.04) + 2;
export function cannon(t, rate, seconds, body = chatBody(t)) {
  return new Promise((resolve, reject) => {
    autocannon({ url: `http://${HOST}:${t.port}${t.path}`, method: 'POST', headers: { ...t.headers, 'content-type': 'application/json' },
      body: JSON.stringify(body), overallRate: rate, connections: connectionsFor(rate), duration: seconds, timeout: 10 },
    (err, res) => (err ? reject(err) : resolve({ rate, connections: connectionsFor(rate), sent: res.requests.sent, ok: res['2xx'],
      achievedRps: r2(res['2xx'] / (res.duration || seconds)), errors: res.errors + res.timeouts + res.non2xx, p50: res.latency.p50, p99: res.latency.p99,
      statusCounts: Object.fromEntries(Object.entries(res.statusCodeStats ?? {}).map(([code, v]) => [code, v.count])), socketErrors: res.errors, timeouts: res.timeouts })));
  });
}
