import { describe, expect, it } from 'vitest';
import { classifyAddress } from './network-address';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'], ['2606:4700:4700::1111', 'public'],
    ['127.0.0.1', 'private'], ['10.1.2.3', 'private'], ['172.20.0.1', 'private'], ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'], ['0.0.0.0', 'private'], ['::1', 'private'], ['fd12::1', 'private'], ['::ffff:127.0.0.1', 'private'],
    ['169.254.169.254', 'metadata'], ['fe80::1', 'metadata'], ['fd00:ec2::254', 'metadata'], ['::ffff:169.254.169.254', 'metadata'],
  ])('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});
