#!/usr/bin/env node
// TCP proxy run as its own process: `node tcp-proxy.mjs <host> <port> <pg|redis|none>`. Prints
// {"port","control"} on its first stdout line. The control port takes POST /cut (reset every open connection
// and refuse new ones, as a stopped server would), /restore, and /stats (client messages counted: PostgreSQL
// Query/Execute messages or Redis commands, for round trips per request).
import http from 'node:http';
import net from 'node:net';

const label = (text) => text.replace(/\s+/g, ' ').replace(/\$\d+/g, '$').slice(0, 70);

/**
 * PostgreSQL frontend messages: untyped startup (and SSL request) first, then type byte + int32 length.
 * Counts Query and Execute; an Execute is named after the last Parse on its connection.
 */
function countPgStatements(buf, st, byLabel) {
  st.pending = st.pending ? Buffer.concat([st.pending, buf]) : buf;
  const b = st.pending;
  let n = 0, off = 0;
  for (;;) {
    if (!st.started) {
      if (b.length - off < 8) break;
      const len = b.readInt32BE(off), code = b.readInt32BE(off + 4);
      if (b.length - off < len) break;
      off += len;
      if (code === 196608) st.started = true; // protocol 3.0 startup; SSL/GSS requests come before it
      continue;
    }
    if (b.length - off < 5) break;
    const type = b[off], len = b.readInt32BE(off + 1);
    if (b.length - off < len + 1) break;
    if (type === 0x50) { // 'P' parse: statement name, then query text
      const nameEnd = b.indexOf(0, off + 5);
      st.lastQuery = label(b.toString('utf8', nameEnd + 1, b.indexOf(0, nameEnd + 1)));
    }
    if (type === 0x51 || type === 0x45) { // 'Q' simple query, 'E' execute
      n++;
      const text = type === 0x51 ? label(b.toString('utf8', off + 5, off + len)) : st.lastQuery ?? '(prepared)';
      byLabel.set(text, (byLabel.get(text) ?? 0) + 1);
    }
    off += len + 1;
  }
  st.pending = off < b.length ? b.subarray(off) : null;
  return n;
}

/** Key names without the run's prefix and with ids and numbers folded, so one kind of key reads as one label. */
const keyShape = (key) => key.replace(/^[^:]*bench-[0-9a-f]+:?/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/\d+/g, '<n>').slice(0, 60);

/** Redis commands as RESP arrays of bulk strings (what ioredis sends), pipelined or not; labelled by command and first key. */
function countRedisCommands(buf, st, byLabel) {
  st.pending = st.pending ? Buffer.concat([st.pending, buf]) : buf;
  const b = st.pending;
  let n = 0, off = 0;
  outer: for (;;) {
    if (b[off] !== 0x2a) break; // '*'
    const eol = b.indexOf('\r\n', off);
    if (eol < 0) break;
    let p = eol + 2;
    const args = [];
    for (let i = Number(b.toString('latin1', off + 1, eol)); i > 0; i--) {
      const e = b.indexOf('\r\n', p);
      if (e < 0) break outer;
      const start = e + 2;
      p = start + Number(b.toString('latin1', p + 1, e)) + 2;
      if (p > b.length) break outer;
      if (args.length < 4) args.push(b.toString('latin1', start, Math.min(p - 2, start + 200)));
    }
    n++;
    const cmd = (args[0] ?? '').toUpperCase();
    const key = cmd.startsWith('EVAL') ? args[3] : args[1];
    const text = `${cmd} ${keyShape(key ?? '')}`.trim();
    byLabel.set(text, (byLabel.get(text) ?? 0) + 1);
    off = p;
  }
  st.pending = off < b.length ? b.subarray(off) : null;
  return n;
}

const [host, port, kind] = process.argv.slice(2);
const count = { pg: countPgStatements, redis: countRedisCommands }[kind];
const sockets = new Set();
const stats = { messages: 0, connections: 0, refused: 0 };
const byLabel = new Map();
let down = false;

const proxy = net.createServer((client) => {
  if (down) { stats.refused++; client.resetAndDestroy(); return; }
  stats.connections++;
  const upstream = net.connect(Number(port), host);
  const state = {};
  sockets.add(client); sockets.add(upstream);
  if (count) client.on('data', (d) => { stats.messages += count(d, state, byLabel); });
  client.pipe(upstream); upstream.pipe(client);
  const close = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
  for (const s of [client, upstream]) { s.on('error', close); s.on('close', close); }
});
const control = http.createServer((req, res) => {
  if (req.url === '/cut') { down = true; for (const s of sockets) s.resetAndDestroy(); sockets.clear(); }
  if (req.url === '/restore') down = false;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ ...stats, down, byLabel: Object.fromEntries(byLabel) }));
});
proxy.listen(0, '127.0.0.1', () => control.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: proxy.address().port, control: control.address().port }));
}));
process.on('SIGTERM', () => process.exit(0));
