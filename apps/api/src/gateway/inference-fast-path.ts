import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse, validateHeaderName, validateHeaderValue } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import secureJsonParse from 'secure-json-parse';
import type { ClientReply, ClientRequest } from '../common/http-exchange';
import type { AppConfig } from '../config/app-config';

/** One /v1 JSON route as the fast path serves it: the body parsed, or the parse error to answer with. */
export interface FastRoute {
  run(request: ClientRequest, reply: ClientReply, body: unknown): Promise<void>;
  fail(request: ClientRequest, reply: ClientReply, error: unknown): void;
}

const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;
/** The error Fastify gives for a body that is not JSON, so both paths answer it alike. */
const INVALID_JSON = { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY', message: "Body is not valid JSON but content-type is set to 'application/json'" };

/**
 * The HTTP server in front of Fastify. A plain JSON POST to one of the /v1 JSON routes (nearly all
 * traffic) is read and handed to the gateway here, skipping Fastify's per-request layer (request and
 * reply objects, hooks, content-type parser, routing), which costs a bare proxy about a fifth of its
 * CPU on this path. Everything else, and any request out of the ordinary (no length, chunked, over the
 * body limit, another content type, a query string), goes to Fastify unchanged, so edge cases keep
 * Fastify's behaviour. The same route handlers and error envelope serve both paths.
 */
export class InferenceFastPath {
  private routes: ReadonlyMap<string, FastRoute> | null = null;
  private readonly clientAddress: (req: IncomingMessage) => string;

  constructor(private readonly config: Pick<AppConfig, 'BODY_LIMIT_BYTES' | 'TRUST_PROXY'>) {
    const trust = trustFunction(config.TRUST_PROXY);
    // Fastify's request.ip, for either setting.
    this.clientAddress = trust
      ? (req) => proxyAddr(req, trust)
      : (req) => req.socket.remoteAddress ?? '';
  }

  /** Routes are known once the app is built; until then every request goes to Fastify. */
  serve(routes: ReadonlyMap<string, FastRoute>): void {
    this.routes = routes;
  }

  /** Fastify's serverFactory: our server, with the timeouts Fastify sets on servers it creates itself. */
  createServer(fastify: (req: IncomingMessage, res: ServerResponse) => void): Server {
    const server = createServer((req, res) => {
      if (!this.take(req, res)) fastify(req, res);
    });
    server.keepAliveTimeout = 72_000;
    server.requestTimeout = 0;
    server.setTimeout(0);
    return server;
  }

  private take(req: IncomingMessage, res: ServerResponse): boolean {
    const route = req.method === 'POST' ? this.routes?.get(req.url ?? '') : undefined;
    if (!route) return false;
    const { 'content-type': type, 'content-length': length, 'transfer-encoding': chunked } = req.headers;
    if (!type || !JSON_CONTENT_TYPE.test(type) || chunked !== undefined || !length || !/^\d+$/.test(length)) return false;
    const size = Number(length);
    if (size === 0 || size > this.config.BODY_LIMIT_BYTES) return false;

    const request: ClientRequest = { id: randomUUID(), ip: this.clientAddress(req), url: req.url!, headers: req.headers };
    const reply = new FastPathReply(res, request.id);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      let body: unknown;
      try {
        body = secureJsonParse.parse(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
      } catch {
        route.fail(request, reply, INVALID_JSON);
        return;
      }
      void route.run(request, reply, body);
    });
    return true;
  }
}

/** Fastify's reading of its trustProxy option (the gateway's TRUST_PROXY), or null when no proxy is trusted. */
function trustFunction(setting: AppConfig['TRUST_PROXY']): ((address: string, hop: number) => boolean) | null {
  if (setting === false) return null;
  if (setting === true) return () => true;
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return proxyAddr.compile(setting);
}

/**
 * The part of Fastify's reply the gateway uses, on the raw response. Headers are kept here and handed to
 * writeHead whole: Node then writes them without building its per-response header table, which an open
 * stream would hold for its whole life.
 */
class FastPathReply implements ClientReply {
  private code = 200;
  private hijacked = false;
  private readonly pending: Record<string, string>;

  constructor(readonly raw: ServerResponse, requestId: string) {
    this.pending = { 'x-request-id': requestId };
  }

  get sent(): boolean {
    return this.hijacked || this.raw.writableEnded;
  }

  status(code: number): this {
    this.code = code;
    return this;
  }

  headers(values: Record<string, string>): this {
    for (const name in values) {
      const value = values[name];
      if (value === undefined) continue;
      // Refused here, as setHeader would, so a bad value never reaches the answer that reports it.
      validateHeaderName(name);
      validateHeaderValue(name, value);
      this.pending[name.toLowerCase()] = value;
    }
    return this;
  }

  hijack(): this {
    this.hijacked = true;
    return this;
  }

  send(payload: unknown): this {
    if (this.sent) return this;
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    this.pending['content-type'] ??= typeof payload === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    this.pending['content-length'] = String(Buffer.byteLength(text));
    this.raw.writeHead(this.code, this.pending);
    this.raw.end(text);
    return this;
  }
}
