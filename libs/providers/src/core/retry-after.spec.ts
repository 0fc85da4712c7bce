import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

const now = Date.parse('2025-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    [{ 'retry-after': '30' }, 30],
    [{ 'retry-after': ' 2.5 ' }, 3],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after-ms': '250' }, 1],
    [{ 'retry-after-ms': '4000', 'retry-after': '60' }, 4],
    [{ 'retry-after-ms': 'soon', 'retry-after': '7' }, 7],
    [{ 'retry-after': 'Wed, 01 Jan 2025 00:00:42 GMT' }, 42],
    [{ 'retry-after': 'Tue, 31 Dec 2024 23:59:00 GMT' }, 0],
    [{ 'retry-after': 'later' }, undefined],
    [{ 'retry-after': '-5' }, undefined],
    [{}, undefined],
  ])('reads %j as %s seconds', (headers, expected) => {
    expect(parseRetryAfter(headers, now)).toBe(expected);
  });
});
