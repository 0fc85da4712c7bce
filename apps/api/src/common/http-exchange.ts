import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/** What the gateway and the error renderer read of a request: Fastify's, or the /v1 fast path's. */
export interface ClientRequest {
  readonly id: string;
  readonly ip: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

/** What they do with the answer: Fastify's reply, or the /v1 fast path's. */
export interface ClientReply {
  readonly raw: ServerResponse;
  readonly sent: boolean;
  status(code: number): ClientReply;
  headers(values: Record<string, string>): ClientReply;
  send(payload: unknown): unknown;
  hijack(): unknown;
}
