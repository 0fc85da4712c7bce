/**
 * The HTTP server: routing, bodies, auth, fault injection and recording. Formats only build
 * answers (see route.ts), so adding one is a new folder plus a line in ROUTES.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicRoutes } from './anthropic/routes';
import { DirectiveError, NO_DIRECTIVE, errorStatus, parseDirectives, parseFaultHeader, resolve, seededRandom } from './faults';
import { openaiFormat, openaiRoutes } from './openai/routes';
import type { JsonObject, MockRoute, WireFormat } from './route';
import { type StreamState, pause, writeSse } from './sse';
import type { MockDirective, MockFault, MockProvider, MockProviderOptions, RecordedRequest } from './types';

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
const FAIL_RATE_SEED = 0x5eed;

const ROUTES = new Map<string, MockRoute>(
  [...openaiRoutes, ...anthropicRoutes].map((route) => [`${route.method} ${route.path}`, route]),
);

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };

/** Markers for bodies that were not read whole. */
const TOO_LARGE = Symbol('too large');
const CLIENT_GONE = Symbol('client gone');

export async function startMockProvider(options: MockProviderOptions = {}): Promise<MockProvider> {
  const mock = new MockServer(options);
  await mock.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return mock;
}

class MockServer implements MockProvider {
  url = '';
  port = 0;
  requests: RecordedRequest[] = [];

  private readonly server: Server;
  private readonly apiKeys: ReadonlySet<string> | undefined;
  private readonly record: boolean;
  private readonly baseLatencyMs: number;
  /** Ids are unique across servers (random part) and ordered within one (counter). */
  private readonly idPrefix = randomBytes(4).toString('hex');
  private idCounter = 0;
  private fault: MockFault | null = null;
  private random = seededRandom(FAIL_RATE_SEED);
  private closing: Promise<void> | undefined;

  constructor(options: MockProviderOptions) {
    this.apiKeys = options.apiKeys ? new Set(options.apiKeys) : undefined;
    this.record = options.recordRequests !== false;
    this.baseLatencyMs = options.baseLatencyMs ?? 0;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => internalError(res, error));
    });
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((done, fail) => {
      this.server.once('error', fail);
      this.server.listen(port, host, () => {
        this.server.off('error', fail);
        this.port = (this.server.address() as AddressInfo).port;
        this.url = `http://${host.includes(':') ? `[${host}]` : host}:${this.port}`;
        done();
      });
    });
  }

  setFault(fault: MockFault | null): void {
    this.fault = fault;
    this.random = seededRandom(FAIL_RATE_SEED);
  }

  reset(): void {
    this.requests.length = 0;
    this.setFault(null);
  }

  close(): Promise<void> {
    this.closing ??= new Promise((done, fail) => {
      this.server.close((error) => (error ? fail(error) : done()));
      // Streams and keep-alive sockets would otherwise hold close() open.
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private readonly nextId = (prefix: string): string => prefix + this.idPrefix + (++this.idCounter).toString(36).padStart(6, '0');

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = Date.now();
    const state: StreamState = { closed: false, dropped: false };
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const route = ROUTES.get(`${req.method} ${query === -1 ? url : url.slice(0, query)}`);
    const format: WireFormat = route?.format ?? openaiFormat;

    const raw = await readBody(req);
    if (raw === CLIENT_GONE) return;
    const text = raw === TOO_LARGE ? '' : raw;
    const body = parseJson(text);
    const recorded = this.record ? this.recordRequest(req, url, receivedAt, body === undefined ? text || null : body) : undefined;
    res.once('close', () => {
      state.closed = true;
      if (recorded && !res.writableFinished && !state.dropped) recorded.aborted = true;
    });
    if (recorded) res.once('finish', () => (recorded.completed = true));

    if (!route) return sendError(res, format, 404, `Unknown request URL: ${req.method} ${url}`);
    if (raw === TOO_LARGE) return sendError(res, format, 413, `Request body exceeds ${MAX_BODY_BYTES} bytes.`);
    if (route.method === 'POST' && (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body))) {
      return sendError(res, format, 400, 'The request body must be a JSON object.');
    }
    const json = (body ?? {}) as JsonObject;
    if (this.apiKeys && !this.apiKeys.has(format.apiKey(req.headers) ?? '')) {
      return sendError(res, format, 401, 'Invalid API key.');
    }
    const invalid = route.validate?.(json, req.headers);
    if (invalid) return sendError(res, format, 400, invalid);

    let header: MockDirective | undefined;
    let inline = NO_DIRECTIVE;
    try {
      header = parseFaultHeader(req.headers['x-mock-fault']);
      if (route.promptText) inline = parseDirectives(route.promptText(json));
    } catch (error) {
      if (error instanceof DirectiveError) return sendError(res, format, 400, error.message);
      throw error;
    }
    const { fault, options } = resolve(header, inline, this.fault);

    const latency = this.baseLatencyMs + (fault?.latencyMs ?? 0);
    if (latency > 0) await pause(res, latency);
    if (state.closed) return;

    const status = errorStatus(fault, this.random);
    if (status !== undefined) {
      return sendError(res, format, status, `Mock fault: HTTP ${status}.`, fault?.retryAfterSeconds);
    }
    const answer = route.respond({ body: json, options, id: this.nextId, created: Math.floor(receivedAt / 1000) });
    if ('json' in answer) return sendJson(res, 200, answer.json);
    res.writeHead(200, SSE_HEADERS);
    await writeSse(res, state, answer.sse, fault, () => format.streamErrorFrame('Mock fault: error mid-stream.'));
  }

  private recordRequest(req: IncomingMessage, path: string, receivedAt: number, body: unknown): RecordedRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const method = req.method ?? 'GET';
    const recorded: RecordedRequest = { method, path, headers, body, receivedAt, aborted: false, completed: false };
    this.requests.push(recorded);
    return recorded;
  }
}

/** Reads the whole body; past the limit it keeps draining (so the client can read the 413) but stores nothing. */
function readBody(req: IncomingMessage): Promise<string | typeof TOO_LARGE | typeof CLIENT_GONE> {
  return new Promise((done) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.once('end', () => done(size > MAX_BODY_BYTES ? TOO_LARGE : Buffer.concat(chunks, size).toString('utf8')));
    req.once('close', () => {
      if (!req.complete) done(CLIENT_GONE);
    });
  });
}

/** undefined when the text is not JSON (the recording then keeps the raw text). */
function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, retryAfterSeconds?: number): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  };
  if (retryAfterSeconds !== undefined) headers['retry-after'] = String(retryAfterSeconds);
  res.writeHead(status, headers);
  res.end(text);
}

function sendError(res: ServerResponse, format: WireFormat, status: number, message: string, retryAfterSeconds?: number): void {
  sendJson(res, status, format.errorBody(status, message), retryAfterSeconds);
}

/** A bug in the mock itself: answer 500 if still possible, otherwise cut the connection. */
function internalError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, openaiFormat, 500, `mock-provider internal error: ${error instanceof Error ? error.message : String(error)}`);
}
