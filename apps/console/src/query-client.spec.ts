import { describe, expect, it } from 'vitest';
import { createTokenStore } from './api/token-store';
import { createQueryClient } from './query-client';

const jwt = (sub: string, n: number) => `h.${btoa(JSON.stringify({ sub, n })).replace(/=+$/, '')}.sig`;

describe('createQueryClient', () => {
  it('keeps cached data across a token refresh of the same user, and drops it when the user changes', () => {
    const tokens = createTokenStore(`test.qc.${Math.random()}`);
    tokens.setSession(jwt('u1', 1), 'r1');
    const client = createQueryClient(tokens);
    client.setQueryData(['x'], 1);

    tokens.setSession(jwt('u1', 2), 'r2');
    expect(client.getQueryData(['x'])).toBe(1);

    tokens.setSession(jwt('u2', 1), 'r3');
    expect(client.getQueryData(['x'])).toBeUndefined();

    client.setQueryData(['x'], 2);
    tokens.clear();
    expect(client.getQueryData(['x'])).toBeUndefined();
  });
});
