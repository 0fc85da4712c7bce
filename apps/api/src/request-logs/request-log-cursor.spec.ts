import { describe, expect, it } from 'vitest';
import { AppException } from '../common/errors/app.exception';
import { decodeCursor, encodeCursor } from './request-log-cursor';

describe('request log cursor', () => {
  it('round-trips a position with microseconds', () => {
    const cursor = { at: '2026-11-23T00:01:02.123456Z', requestId: 'req_abc' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(['not-base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('["2026-11-23", "x"]').toString('base64url')])(
    'refuses a cursor it did not issue: %s',
    (value) => {
      expect(() => decodeCursor(value)).toThrow(AppException);
    },
  );
});
