import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { PrivateHostsService } from './private-hosts.service';

/** A connection refused because its host resolved to an address the SSRF guard does not permit. */
export class BlockedHostError extends Error {
  constructor() {
    super('host resolves to a non-public address');
  }
}

/** Whether `err` (or its cause, as undici wraps it) is a blocked connection. */
export function isBlockedHost(err: unknown): boolean {
  return err instanceof BlockedHostError || (err as { cause?: unknown })?.cause instanceof BlockedHostError;
}

/**
 * A `lookup` for outgoing connections that re-checks every resolved address against the SSRF guard,
 * so DNS that changed since a URL was saved cannot point a connection at a private network.
 */
export function guardedLookup(privateHosts: PrivateHostsService): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, options, (err, address: string | LookupAddress[], family?: number) => {
      if (err) return callback(err, '', 0);
      const all = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
      if (all.some((a) => privateHosts.verdict(hostname, a.address))) return callback(new BlockedHostError() as NodeJS.ErrnoException, '', 0);
      callback(null, address as string, family);
    });
  };
}
