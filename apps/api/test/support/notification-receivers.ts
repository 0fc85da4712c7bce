import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** Local receivers for notification tests: every chat bot and webhook over HTTP, and an SMTP server. */

export interface Received {
  path: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One local HTTP receiver for every chat bot and webhook; `/webhook` refuses its first two calls. */
export async function startReceiver() {
  const received: Received[] = [];
  let webhookCalls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://receiver');
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ path: url.pathname, url, headers: req.headers, body });
      const json = (status: number, value: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (url.pathname === '/webhook') return ++webhookCalls <= 2 ? res.writeHead(500).end('boom') : res.writeHead(204).end();
      if (url.pathname.startsWith('/slack/')) return res.writeHead(200).end('ok');
      if (url.pathname.startsWith('/feishu/')) return json(200, { code: 0, msg: 'success', data: {} });
      if (url.pathname.startsWith('/dingtalk/')) return json(200, { errcode: 0, errmsg: 'ok' });
      // A careless receiver that quotes the request (token included) in its error.
      return res.writeHead(500).end(`rejected ${req.url} ${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    at: (prefix: string) => received.filter((r) => r.path.startsWith(prefix)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local SMTP server that insists on the channel's password. */
export async function startSmtp(password: string) {
  const mails: { to: string[]; subject: string; body: string }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false,
    onAuth: (auth, _session, cb) => (auth.username === 'mailer' && auth.password === password ? cb(null, { user: 'mailer' }) : cb(new Error('Invalid username or password'))),
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('utf8')) });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function parseMail(raw: string): { subject: string; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  let body = raw.slice(split + 4);
  if (/^content-transfer-encoding: quoted-printable/im.test(headers)) {
    body = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return { subject: /^subject: (.*)$/im.exec(headers)?.[1] ?? '', body };
}

type Truthy<T> = Exclude<T, null | undefined | false | 0 | ''>;

/** Polls until `check` gives a truthy value, and returns it. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 10_000): Promise<Truthy<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Truthy<T>;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
