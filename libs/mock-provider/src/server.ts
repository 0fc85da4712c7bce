/**
 * The HTTP server: routing, bodies, auth, fault injection and recording. Formats only build
 * answers (see route.ts), so adding one is a new folder plus its routes in ROUTER.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicRoutes } from './anthropic/routes';
import { azureOpenaiFormat, azureOpenaiRoutes } from './azure-openai/routes';
import { bedrockFormat, bedrockRoutes } from './bedrock/routes';
import { DirectiveError, NO_DIRECTIVE, errorStatus, parseDirectives, parseFaultHeader, resolve, seededRandom } from './faults';
import { geminiFormat, geminiRoutes } from './gemini/routes';
import { openaiFormat, openaiRoutes } from './openai/routes';
import { CLIENT_GONE, MAX_BODY_BYTES, TOO_LARGE, parseJson, parseMultipart, readBody } from './request-body';
import type { ErrorDetails, JsonObject, MockRoute, RouteContext, WireFormat } from './route';
import { Router } from './router';
import { type StreamState, pause, writeFrames } from './sse';
import type { MockDirective, MockFault, MockHold, MockProvider, MockProviderOptions, RecordedRequest } from './types';

export { MAX_BODY_BYTES } from './request-body';
const FAIL_RATE_SEED = 0x5eed;

const ROUTER = new Router([...openaiRoutes, ...anthropicRoutes, ...geminiRoutes, ...bedrockRoutes, ...azureOpenaiRoutes]);

/** Unknown paths still answer in the error shape of the API their prefix belongs to. */
const FORMAT_BY_PREFIX: readonly [string, WireFormat][] = [
  ['/v1beta/', geminiFormat],
  ['/model/', bedrockFormat],
  ['/openai/', azureOpenaiFormat],
];

const SSE_HEADERS = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' };

/** A Host header the mock can put in URLs it serves (image links); anything else falls back to its own URL. */
const HOST = /^(?:[\w.-]+|\[[0-9a-fA-F:.]+\])(?::\d{1,5})?$/;

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
  private gate: { opened: Promise<void>; open: () => void; waiting: number } | null = null;
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

  hold(): MockHold {
    let open!: () => void;
    const gate = { opened: new Promise<void>((r) => (open = r)), open, waiting: 0 };
    this.gate = gate;
    return {
      waiting: () => gate.waiting,
      release: () => {
        if (this.gate === gate) this.gate = null;
        gate.open();
      },
    };
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
    const queryStart = url.indexOf('?');
    const pathname = queryStart === -1 ? url : url.slice(0, queryStart);
    const query = new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1));
    const match = ROUTER.match(req.method ?? 'GET', pathname);
    const route = match?.route;
    const format = route?.format ?? FORMAT_BY_PREFIX.find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? openaiFormat;

    const raw = await readBody(req);
    if (raw === CLIENT_GONE) return;
    const body: DecodedBody = raw === TOO_LARGE ? { recorded: null } : await decodeBody(route, req, raw);
    const recorded = this.record ? this.recordRequest(req, url, receivedAt, body.recorded) : undefined;
    res.once('close', () => {
      state.closed = true;
      if (recorded && !res.writableFinished && !state.dropped) recorded.aborted = true;
    });
    if (recorded) res.once('finish', () => (recorded.completed = true));

    if (!route) return sendError(res, format, 404, `Unknown request URL: ${req.method} ${url}`);
    if (raw === TOO_LARGE) return sendError(res, format, 413, `Request body exceeds ${MAX_BODY_BYTES} bytes.`);
    if (!route.public) {
      const auth = format.authenticate({ headers: req.headers, query }, this.apiKeys);
      if (!auth.ok) return sendError(res, format, auth.status, auth.message, { code: auth.code });
      if (auth.sigv4 && recorded) recorded.sigv4 = auth.sigv4;
    }
    if (body.error !== undefined || body.json === undefined) {
      return sendError(res, format, 400, body.error ?? 'The request body must be a JSON object.');
    }
    const context: RouteContext = { headers: req.headers, params: match.params, query };
    const rejection = route.validate?.(body.json, context);
    if (rejection !== undefined) {
      const { status, message } = typeof rejection === 'string' ? { status: 400, message: rejection } : rejection;
      return sendError(res, format, status, message);
    }

    let header: MockDirective | undefined;
    let inline = NO_DIRECTIVE;
    try {
      header = parseFaultHeader(req.headers['x-mock-fault']);
      if (route.promptText) inline = parseDirectives(route.promptText(body.json));
    } catch (error) {
      if (error instanceof DirectiveError) return sendError(res, format, 400, error.message);
      throw error;
    }
    // Files the mock serves beside the API are not the model: only the request's own header faults them.
    const { fault, options } = resolve(header, inline, route.public ? null : this.fault);

    const gate = route.public ? null : this.gate;
    if (gate) {
      gate.waiting++;
      await gate.opened;
      gate.waiting--;
    }
    const latency = this.baseLatencyMs + (fault?.latencyMs ?? 0);
    if (latency > 0) await pause(res, latency);
    if (state.closed) return;

    const status = errorStatus(fault, this.random);
    if (status !== undefined) {
      return sendError(res, format, status, `Mock fault: HTTP ${status}.`, { retryAfterSeconds: fault?.retryAfterSeconds });
    }
    const answer = route.respond({
      ...context,
      body: body.json,
      options,
      id: this.nextId,
      created: Math.floor(receivedAt / 1000),
      receivedAt,
      baseUrl: this.baseUrl(req),
    });
    if ('json' in answer) return sendJson(res, answer.status ?? 200, answer.json, answer.headers);
    if ('bytes' in answer) {
      res.writeHead(200, { 'content-type': answer.contentType, 'content-length': answer.bytes.byteLength });
      res.end(answer.bytes);
      return;
    }
    const frames = 'sse' in answer ? answer.sse : answer.stream;
    res.writeHead(200, 'sse' in answer ? SSE_HEADERS : { 'content-type': answer.contentType });
    const errorFrame = () => format.streamErrorFrame('Mock fault: error mid-stream.', options.streamErrorStatus);
    await writeFrames(res, state, frames, fault, errorFrame);
  }

  private baseUrl(req: IncomingMessage): string {
    const host = req.headers.host;
    return host && HOST.test(host) ? `http://${host}` : this.url;
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

interface DecodedBody {
  /** What the recording keeps. */
  recorded: unknown;
  /** The object routes see; undefined when the body is not an acceptable object. */
  json?: JsonObject;
  /** Why the body was rejected, when it was. */
  error?: string;
}

async function decodeBody(route: MockRoute | undefined, req: IncomingMessage, raw: Buffer): Promise<DecodedBody> {
  if (route?.body === 'multipart') {
    const contentType = req.headers['content-type'];
    const fields = await parseMultipart(raw, contentType);
    if (fields) return { recorded: fields, json: fields };
    const error = contentType?.toLowerCase().startsWith('multipart/form-data')
      ? 'Could not parse the multipart form data.'
      : `Invalid Content-Type header (${contentType ?? 'none'}), expected multipart/form-data.`;
    return { recorded: raw.toString('utf8') || null, error };
  }
  const text = raw.toString('utf8');
  const parsed = parseJson(text);
  const recorded = parsed === undefined ? text || null : parsed;
  if (!route || route.method === 'GET' || route.body === 'none') return { recorded, json: {} };
  const isObject = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  return { recorded, json: isObject ? (parsed as JsonObject) : undefined };
}

function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders?: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...extraHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: ServerResponse, format: WireFormat, status: number, message: string, details?: ErrorDetails): void {
  const headers = { ...format.errorHeaders?.(status, details) };
  if (details?.retryAfterSeconds !== undefined) headers['retry-after'] = String(details.retryAfterSeconds);
  sendJson(res, status, format.errorBody(status, message, details), headers);
}

/** A bug in the mock itself: answer 500 if still possible, otherwise cut the connection. */
function internalError(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendError(res, openaiFormat, 500, `mock-provider internal error: ${error instanceof Error ? error.message : String(error)}`);
}
