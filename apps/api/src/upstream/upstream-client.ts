import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { UpstreamError, UpstreamRequest } from '@ai-router/providers';
import { isIP } from 'node:net';
import { Agent, type Dispatcher, errors, request } from 'undici';
import type { Cancellation } from '../common/cancellation';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { guardedLookup, isBlockedHost } from '../security/guarded-lookup';
import { PrivateHostsService } from '../security/private-hosts.service';

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string>;
  body: Dispatcher.ResponseData['body'];
}

/** Raised for failures below HTTP (connect, timeout, reset); carries the error the client will see. */
export class UpstreamTransportError extends Error {
  constructor(readonly upstream: UpstreamError) {
    super(upstream.message);
  }
}

/** All upstream HTTP goes through one undici Agent: a keep-alive pool per origin. */
@Injectable()
export class UpstreamClient implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(@Inject(APP_CONFIG) config: AppConfig, private readonly privateHosts: PrivateHostsService) {
    // No cap on connections per origin: each request holds at most one, so the gateway's own concurrency
    // bounds them, and a cap below it would queue requests (streams hold theirs for minutes) unseen.
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 120_000,
      headersTimeout: config.UPSTREAM_HEADERS_TIMEOUT_MS,
      // Streams may pause between tokens; the overall deadline bounds them instead.
      bodyTimeout: config.UPSTREAM_HEADERS_TIMEOUT_MS,
      // Every connection re-checks the resolved address: DNS may have changed since the URL was saved.
      connect: { timeout: 10_000, lookup: guardedLookup(this.privateHosts) },
    });
  }

  async send(upstream: UpstreamRequest, signal: AbortSignal | Cancellation): Promise<UpstreamResponse> {
    const host = new URL(upstream.url).hostname.replace(/^\[|\]$/g, '');
    // IP literals never reach the lookup hook, so they are checked here.
    if (isIP(host) && this.privateHosts.verdict(host, host)) throw blocked();
    const { body, headers } = await encodeBody(upstream);
    try {
      const response = await request(upstream.url, {
        method: upstream.method,
        headers,
        body,
        signal,
        dispatcher: this.agent,
      });
      return { status: response.statusCode, headers: flattenHeaders(response.headers), body: response.body };
    } catch (err) {
      throw toTransportError(err, signal);
    }
  }


  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }
}

/**
 * Adapters build uploads with the global FormData, which this undici version does not accept as a
 * body (it is another copy of the class); encoding through a Response yields the bytes and boundary.
 */
async function encodeBody(upstream: UpstreamRequest): Promise<{ body: string | Uint8Array | undefined; headers: Record<string, string> }> {
  if (!(upstream.body instanceof FormData)) return { body: upstream.body, headers: upstream.headers };
  const encoded = new Response(upstream.body);
  return {
    body: new Uint8Array(await encoded.arrayBuffer()),
    headers: { ...upstream.headers, 'content-type': encoded.headers.get('content-type')! },
  };
}


function blocked(): UpstreamTransportError {
  return new UpstreamTransportError({
    status: 502, type: 'api_error', code: 'upstream_host_not_allowed', param: null, retryable: true,
    message: 'The provider host resolves to a private address that is not allowed.',
  });
}

export function toTransportError(err: unknown, signal?: AbortSignal | Cancellation): UpstreamTransportError {
  if (err instanceof UpstreamTransportError) return err;
  if (isBlockedHost(err)) return blocked();
  const timedOut =
    err instanceof errors.HeadersTimeoutError || err instanceof errors.BodyTimeoutError ||
    err instanceof errors.ConnectTimeoutError || (signal?.aborted && (signal.reason as Error)?.name === 'TimeoutError');
  if (timedOut) {
    return new UpstreamTransportError({ status: 504, type: 'api_error', code: 'upstream_timeout', param: null, message: 'The upstream provider did not answer in time.', retryable: true });
  }
  return new UpstreamTransportError({ status: 502, type: 'api_error', code: 'upstream_unreachable', param: null, message: 'The upstream provider could not be reached.', retryable: true });
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
