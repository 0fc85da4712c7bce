/**
 * The contract between the HTTP server and a wire format. Each format (openai/, anthropic/, gemini/,
 * bedrock/, azure-openai/) exports a list of routes; the server owns bodies, auth, faults and
 * recording, the routes only validate and build answers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { MockDirective, SigV4Scope } from './types';

export type JsonObject = Record<string, unknown>;

/** What a format may add to an error answer: a provider-specific error code, the Retry-After value. */
export interface ErrorDetails {
  /** Overrides the code or type the format derives from the status (Bedrock exception names, ...). */
  code?: string;
  retryAfterSeconds?: number;
}

export type AuthResult = { ok: true; sigv4?: SigV4Scope } | { ok: false; status: number; message: string; code?: string };

export interface AuthRequest {
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
}

/** How one provider family authenticates and shapes its errors. */
export interface WireFormat {
  /** `apiKeys` is the server's allow-list, undefined when any key is accepted. */
  authenticate(request: AuthRequest, apiKeys: ReadonlySet<string> | undefined): AuthResult;
  /** The JSON error body for an HTTP error answer. */
  errorBody(status: number, message: string, details?: ErrorDetails): unknown;
  /** Extra headers on error answers (Retry-After is added by the server). */
  errorHeaders?(status: number, details?: ErrorDetails): Record<string, string>;
  /** One stream frame reporting an error after the stream started; `status` picks its kind. */
  streamErrorFrame(message: string, status?: number): string | Uint8Array;
}

/** The request as routes see it before answering. */
export interface RouteContext {
  headers: IncomingHttpHeaders;
  /** Decoded `{name}` path segments. */
  params: Record<string, string>;
  query: URLSearchParams;
}

export interface RouteRequest extends RouteContext {
  body: JsonObject;
  /** Answer options from directives and the `x-mock-fault` header (`reply`, `chunks`, ...). */
  options: MockDirective;
  /** Unique ids: `prefix` + a per-server random part + a counter. */
  id(prefix: string): string;
  /** Unix seconds. */
  created: number;
  /** Epoch milliseconds when the request arrived (for reported latencies). */
  receivedAt: number;
  /** `http://host:port` as the client addressed the server, for URLs the mock itself serves. */
  baseUrl: string;
}

export type RouteResponse =
  /** JSON, 200 unless `status` says otherwise (Azure's content-filter 400 is an answer, not a fault). */
  | { json: unknown; status?: number; headers?: Record<string, string> }
  /** Server-sent events: each string is one whole frame. */
  | { sse: Iterable<string> }
  /** A binary stream (AWS event stream): each buffer is one whole frame. */
  | { stream: Iterable<Uint8Array>; contentType: string }
  /** A static file. */
  | { bytes: Uint8Array; contentType: string };

/** A 400 by default; routes that must answer another status (Azure's 404) say so. */
export type Rejection = string | { status: number; message: string };

export interface MockRoute {
  method: 'GET' | 'POST';
  /** Literal path, or with `{name}` segments (`/model/{modelId}/converse`); decoded into `params`. */
  path: string;
  format: WireFormat;
  /** How the body is read: JSON object (default for POST), multipart form, or ignored. */
  body?: 'json' | 'multipart' | 'none';
  /** No auth and no faults: files the mock serves beside the API (image URLs). */
  public?: boolean;
  /** The text that may carry `[[mock:...]]` directives: the last user message or the prompt. */
  promptText?(body: JsonObject): string;
  /** A rejection answered in the format's error shape, or undefined when the request is acceptable. */
  validate?(body: JsonObject, context: RouteContext): Rejection | undefined;
  respond(request: RouteRequest): RouteResponse;
}
