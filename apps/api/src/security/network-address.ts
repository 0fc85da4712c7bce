import { BlockList, isIP } from 'node:net';
import { LRUCache } from 'lru-cache';

export type AddressClass = 'public' | 'private' | 'metadata';

/** Cloud metadata services live here: never reachable, whatever the allowlist says. */
const METADATA = new BlockList();
METADATA.addSubnet('169.254.0.0', 16, 'ipv4');
METADATA.addSubnet('fe80::', 10, 'ipv6');
METADATA.addAddress('fd00:ec2::254', 'ipv6');

/** Loopback, private, shared, unspecified and other non-public ranges. */
const PRIVATE = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  PRIVATE.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, bits, 'ipv6');

/**
 * An address's class never changes, and the same few upstream addresses are checked on every request
 * to an IP-literal host and on every new connection, where BlockList checks cost more than the lookup.
 */
const classified = new LRUCache<string, AddressClass>({ max: 4096 });

export function classifyAddress(address: string): AddressClass {
  let kind = classified.get(address);
  if (kind === undefined) {
    kind = classifyUncached(address);
    classified.set(address, kind);
  }
  return kind;
}

function classifyUncached(address: string): AddressClass {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (METADATA.check(ip, family)) return 'metadata';
  if (PRIVATE.check(ip, family)) return 'private';
  return 'public';
}
