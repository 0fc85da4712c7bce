import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Agent, errors, request } from 'undici';
import { guardedLookup, isBlockedHost } from '../security/guarded-lookup';
import { readBounded } from '../upstream/read-bounded';
import { PrivateHostsService } from '../security/private-hosts.service';
import { DeliveryError } from './delivery-error';

export const DELIVERY_TIMEOUT_MS = 10_000;
/** Enough for a bot API's JSON verdict; the rest of a large answer is not read. */
const MAX_RESPONSE_BYTES = 16 * 1024;

export interface DeliveryResponse {
  status: number;
  text: string;
}

/**
 * Every outbound connection of a delivery. URLs were checked by the SSRF guard when the channel
 * was saved; each connection checks the resolved address again (DNS may change in between), no
 * redirect is followed, and nothing waits longer than 10 s.
 */
@Injectable()
export class DeliveryNetwork implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(private readonly privateHosts: PrivateHostsService) {
    this.agent = new Agent({
      connections: 16,
      headersTimeout: DELIVERY_TIMEOUT_MS,
      bodyTimeout: DELIVERY_TIMEOUT_MS,
      connect: { timeout: DELIVERY_TIMEOUT_MS, lookup: guardedLookup(this.privateHosts) },
    });
  }

  async postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<DeliveryResponse> {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    // IP literals never reach the lookup hook, so they are checked here.
    if (isIP(host) && this.privateHosts.verdict(host, host)) throw blocked();
    try {
      const res = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'AI-Router-Notifications/1', ...headers },
        body,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      return { status: res.statusCode, text: await readBounded(res.body, MAX_RESPONSE_BYTES) };
    } catch (err) {
      throw transportError(err);
    }
  }

  /** For SMTP, which connects by itself: the one permitted address to dial for `host`. */
  async resolvePermitted(host: string): Promise<string> {
    const bare = host.replace(/^\[|\]$/g, '');
    const addresses = isIP(bare) ? [bare] : await lookup(bare, { all: true }).then((r) => r.map((a) => a.address)).catch(() => []);
    if (!addresses.length) throw new DeliveryError(`the host "${bare}" does not resolve`);
    if (addresses.some((a) => this.privateHosts.verdict(bare, a))) throw blocked();
    return addresses[0]!;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close();
  }

}

/** Throws unless the answer is 2xx; keeps a short excerpt of the body, which bot APIs use for the reason. */
export function assertDelivered(res: DeliveryResponse): void {
  if (res.status >= 200 && res.status < 300) return;
  const excerpt = res.text.replace(/\s+/g, ' ').trim().slice(0, 200);
  throw new DeliveryError(`HTTP ${res.status}${excerpt ? `: ${excerpt}` : ''}`);
}


function blocked(): DeliveryError {
  return new DeliveryError('the destination resolves to a private or metadata address that is not allowed');
}

/** Only codes and kinds: a transport error's own message may quote the URL, and bot URLs carry tokens. */
function transportError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const cause = (err as { cause?: unknown })?.cause;
  if (isBlockedHost(err)) return blocked();
  const timedOut = err instanceof errors.HeadersTimeoutError || err instanceof errors.BodyTimeoutError
    || err instanceof errors.ConnectTimeoutError || (err as Error)?.name === 'TimeoutError' || (err as Error)?.name === 'AbortError';
  if (timedOut) return new DeliveryError(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`);
  const code = (err as { code?: string })?.code ?? (cause as { code?: string } | undefined)?.code;
  return new DeliveryError(`connection failed${code && /^[A-Z_]+$/.test(code) ? ` (${code})` : ''}`);
}

