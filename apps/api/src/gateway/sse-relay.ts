import type { ServerResponse } from 'node:http';
import type { NormalizedUsage, StreamTransformer, UpstreamError } from '@ai-router/providers';
import type { Cancellation } from '../common/cancellation';
import type { UpstreamResponse } from '../upstream/upstream-client';

export type StreamOutcome =
  | { kind: 'completed'; usage: NormalizedUsage | null; finishReason: string | null; ttftMs: number | null }
  /** Nothing reached the client yet: the caller may still try another deployment. */
  | { kind: 'failed-before-first-byte'; error: UpstreamError }
  /** The stream broke after bytes reached the client: it was ended with an error frame. */
  | { kind: 'failed-mid-stream'; error: UpstreamError; usage: NormalizedUsage | null; ttftMs: number | null }
  | { kind: 'client-gone'; usage: NormalizedUsage | null; ttftMs: number | null };

export interface RelayOptions {
  upstream: UpstreamResponse;
  transformer: StreamTransformer;
  raw: ServerResponse;
  headers: Record<string, string>;
  /** Forward the usage-only chunk (the client asked with stream_options.include_usage). */
  includeUsage: boolean;
  signal: Cancellation;
  clientGone: () => boolean;
  onFirstByte: () => void;
  /** Sees every OpenAI-format chunk, usage included (body logging). */
  onData?: (json: string) => void;
  startedAt: number;
}

const TRUNCATED: UpstreamError = {
  status: 502, type: 'api_error', code: 'upstream_stream_truncated', param: null,
  message: 'The upstream stream ended before the response was complete.', retryable: true,
};

/**
 * Relays an upstream stream to the client chunk by chunk: frames are written as they are transformed,
 * never buffered whole, and the upstream is only read as fast as the client drains.
 */
export async function relayStream(options: RelayOptions): Promise<StreamOutcome> {
  const { upstream, transformer, raw, signal } = options;
  let started = false;
  let ttftMs: number | null = null;

  const write = async (text: string): Promise<void> => {
    if (!started) {
      started = true;
      ttftMs = Math.round(performance.now() - options.startedAt);
      options.onFirstByte();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...options.headers,
      });
    }
    if (!raw.write(text)) await signal.until(raw, 'drain');
  };

  const fail = async (error: UpstreamError): Promise<StreamOutcome> => {
    upstream.body.destroy();
    if (!started) return { kind: 'failed-before-first-byte', error };
    raw.end(`data: ${JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } })}\n\n`);
    return { kind: 'failed-mid-stream', error, usage: transformer.usage, ttftMs };
  };

  try {
    for await (const chunk of upstream.body) {
      let out = '';
      for (const event of transformer.push(chunk as Buffer)) {
        if (event.kind === 'data') {
          options.onData?.(event.json);
          if (!event.usageOnly || options.includeUsage) out += `data: ${event.json}\n\n`;
        } else if (event.kind === 'error') {
          if (out) await write(out);
          return await fail(event.error);
        }
      }
      if (out) await write(out);
    }
    let tail = '';
    for (const event of transformer.end()) {
      if (event.kind === 'data') options.onData?.(event.json);
      if (event.kind === 'data' && (!event.usageOnly || options.includeUsage)) tail += `data: ${event.json}\n\n`;
      if (event.kind === 'error') {
        if (tail) await write(tail);
        return await fail(event.error);
      }
    }
    // A stream that ends without a finish reason is broken, even if the socket closed cleanly.
    if (transformer.finishReason === null) {
      if (tail) await write(tail);
      return await fail(TRUNCATED);
    }
    await write(`${tail}data: [DONE]\n\n`);
    raw.end();
    return { kind: 'completed', usage: transformer.usage, finishReason: transformer.finishReason, ttftMs };
  } catch {
    if (options.clientGone()) {
      upstream.body.destroy();
      return { kind: 'client-gone', usage: transformer.usage, ttftMs };
    }
    return await fail(TRUNCATED);
  }
}
