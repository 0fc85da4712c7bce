import { describe, expect, it } from 'vitest';
import { LEASE_TTL_MS, ScopeLease } from './scope-lease';

const granted = (lease: ScopeLease, requests: number, tokens: number, now: number) => {
  const asked = lease.ask(0, now);
  lease.settle(asked, now, { requests, tokens }, {
    scope: lease.scope, requests: { limit: 100, remaining: 50, resetMs: 0 }, tokens: { limit: 10_000, remaining: 5_000, resetMs: 0 },
  });
};

describe('ScopeLease', () => {
  it('with no demand seen yet asks for one more request like this one, and nothing for a limit the scope lacks', () => {
    const requestsOnly = new ScopeLease('key:a');
    requestsOnly.demand({ rpm: 1000 }, 0, 0);
    expect(requestsOnly.ask(0, 0)).toEqual({ requests: 1, tokens: 0 });
    const tokensOnly = new ScopeLease('key:b');
    tokensOnly.demand({ tpm: 100_000 }, 4000, 0);
    expect(tokensOnly.ask(4000, 0)).toEqual({ requests: 0, tokens: 4000 });
  });

  it('asks for about 200 ms of recent demand, less what is held or already asked for', () => {
    const lease = new ScopeLease('key:a');
    for (let i = 0; i < 100; i++) lease.demand({ rpm: 1000, tpm: 100_000 }, 10, i);
    expect(lease.ask(10, 100)).toEqual({ requests: 20, tokens: 200 });
    // a second call under way asks only for what the first does not
    expect(lease.ask(10, 100)).toEqual({ requests: 0, tokens: 0 });
  });

  it('admits from the lease until it runs out, reporting the last known level less local use', () => {
    const lease = new ScopeLease('key:a');
    lease.demand({ rpm: 100, tpm: 10_000 }, 100, 0);
    granted(lease, 2, 300, 0);
    expect(lease.covers(100, 1)).toBe(true);
    lease.take(100);
    expect(lease.remaining(0)).toMatchObject({ requests: { remaining: 49 }, tokens: { remaining: 4900 } });
    lease.take(100);
    expect(lease.covers(100, 1)).toBe(false);
  });

  it('settles token corrections against the lease and owes only the debit it cannot cover', () => {
    const lease = new ScopeLease('key:a');
    lease.demand({ rpm: 100, tpm: 10_000 }, 100, 0);
    granted(lease, 5, 500, 0);
    lease.take(100);
    lease.correct({ rpm: 100, tpm: 10_000 }, -30);
    expect(lease.drain(1)).toBeNull();
    lease.correct({ rpm: 100, tpm: 10_000 }, 1000);
    expect(lease.drain(1)).toMatchObject({ requests: 0, tokens: -570 });
  });

  it('stops covering once expired and gives the rest back', () => {
    const lease = new ScopeLease('key:a');
    lease.demand({ rpm: 100, tpm: 10_000 }, 100, 0);
    granted(lease, 5, 500, 0);
    lease.take(100);
    expect(lease.covers(100, LEASE_TTL_MS)).toBe(false);
    expect(lease.drain(LEASE_TTL_MS)).toMatchObject({ scope: 'key:a', requests: 4, tokens: 400 });
    expect(lease.drain(LEASE_TTL_MS)).toBeNull();
  });

  it('is forgotten only when nothing is held, owed or under way and demand has stopped', () => {
    const lease = new ScopeLease('key:a');
    lease.demand({ rpm: 100 }, 0, 0);
    const asked = lease.ask(0, 0);
    expect(lease.idle(5_000)).toBe(false);
    lease.settle(asked, 0);
    expect(lease.idle(1_000)).toBe(false);
    expect(lease.idle(5_000)).toBe(true);
  });
});
