import type { ServerResponse } from 'node:http';
import type { NormalizedUsage, StreamEvent, StreamTransformer, UpstreamError } from '@ai-router/providers';
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
 * never buffered whole, and the upstream is paused while the client cannot take more. It runs on the
 * body's events rather than `for await`: the async iterator costs a promise per chunk and about 2 KB of
 * state for as long as the stream is open.
 */
export function relayStream(options: RelayOptions): Promise<StreamOutcome> {
  const { upstream, transformer, raw, signal } = options;
  const body = upstream.body;
  let started = false;
  let ttftMs: number | null = null;
  let settled = false;

  return new Promise<StreamOutcome>((resolve) => {
    const settle = (outcome: StreamOutcome): void => {
      if (settled) return;
      settled = true;
      // The error listener stays: undici reports a body destroyed before its end as an error, after this.
      body.off('data', onData).off('end', onEnd);
      raw.off('drain', onDrain);
      signal.off('abort', onClientGone);
      resolve(outcome);
    };

    const write = (text: string): void => {
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
      if (!raw.write(text)) body.pause();
    };

    const fail = (error: UpstreamError): void => {
      body.destroy();
      if (!started) return settle({ kind: 'failed-before-first-byte', error });
      raw.end(`data: ${JSON.stringify({ error: { message: error.message, type: error.type, param: error.param, code: error.code } })}\n\n`);
      settle({ kind: 'failed-mid-stream', error, usage: transformer.usage, ttftMs });
    };

    const onClientGone = (): void => {
      body.destroy();
      settle({ kind: 'client-gone', usage: transformer.usage, ttftMs });
    };

    const onError = (): void => {
      if (settled) return;
      if (options.clientGone()) onClientGone();
      else fail(TRUNCATED);
    };

    const onDrain = (): void => {
      if (!settled) body.resume();
    };

    /** The client's frames for these events; at an error event, sends what came before it, fails and returns null. */
    const framesOf = (events: StreamEvent[]): string | null => {
      let frames = '';
      for (const event of events) {
        if (event.kind === 'error') {
          if (frames) write(frames);
          fail(event.error);
          return null;
        }
        if (event.kind !== 'data') continue;
        options.onData?.(event.json);
        if (!event.usageOnly || options.includeUsage) frames += `data: ${event.json}\n\n`;
      }
      return frames;
    };

    /** A throw inside a body listener ends the relay like a body error instead of escaping the stream. */
    const guarded = <T extends unknown[]>(listener: (...args: T) => void) => (...args: T): void => {
      try {
        listener(...args);
      } catch {
        onError();
      }
    };

    const onData = guarded((chunk: Buffer) => {
      const frames = framesOf(transformer.push(chunk));
      if (frames) write(frames);
    });

    const onEnd = guarded(() => {
      const tail = framesOf(transformer.end());
      if (tail === null) return;
      // A stream that ends without a finish reason is broken, even if the socket closed cleanly.
      if (transformer.finishReason === null) {
        if (tail) write(tail);
        return fail(TRUNCATED);
      }
      write(`${tail}data: [DONE]\n\n`);
      raw.end();
      settle({ kind: 'completed', usage: transformer.usage, finishReason: transformer.finishReason, ttftMs });
    });

    if (signal.aborted) return onClientGone();
    signal.once('abort', onClientGone);
    raw.on('drain', onDrain);
    body.on('error', onError).on('end', onEnd).on('data', onData);
  });
}
