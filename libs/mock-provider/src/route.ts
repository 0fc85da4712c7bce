/**
 * The contract between the HTTP server and a wire format. Each format (openai/, anthropic/, later
 * gemini/ and bedrock/) exports a list of routes; the server owns bodies, auth, faults and
 * recording, the routes only validate and build answers.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { MockDirective } from './types';

export type JsonObject = Record<string, unknown>;

/** How one provider family authenticates and shapes its errors. */
export interface WireFormat {
  /** The client's key from the headers, or undefined when absent. */
  apiKey(headers: IncomingHttpHeaders): string | undefined;
  /** The JSON error body for an HTTP error answer. */
  errorBody(status: number, message: string): unknown;
  /** One SSE frame reporting an error after the stream started. */
  streamErrorFrame(message: string): string;
}

export interface RouteRequest {
  body: JsonObject;
  /** Answer options from directives and the `x-mock-fault` header (`reply`, `chunks`, ...). */
  options: MockDirective;
  /** Unique ids: `prefix` + a per-server random part + a counter. */
  id(prefix: string): string;
  /** Unix seconds. */
  created: number;
}

export type RouteResponse = { json: unknown } | { sse: Iterable<string> };

export interface MockRoute {
  method: 'GET' | 'POST';
  path: string;
  format: WireFormat;
  /** The text that may carry `[[mock:...]]` directives: the last user message or the prompt. */
  promptText?(body: JsonObject): string;
  /** A message answered as a 400 invalid request, or undefined when the request is acceptable. */
  validate?(body: JsonObject, headers: IncomingHttpHeaders): string | undefined;
  respond(request: RouteRequest): RouteResponse;
}
