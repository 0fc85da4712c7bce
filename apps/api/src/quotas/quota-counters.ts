/** One quota window's counter as a request touches it. Amounts are whole units: requests, tokens or nano-dollars. */
export interface CounterTake {
  /** Names the counter: quota policy and window start. */
  key: string;
  limit: bigint;
  amount: bigint;
  /** Hard counters refuse a take that could exceed the limit; soft ones only count. */
  hard: boolean;
  /** Epoch ms after which the counter may be dropped (its window is over). */
  expiresAt: number;
}

export interface CounterSettle {
  key: string;
  /** What the request reserved at admission, now given back. */
  reserved: bigint;
  /** What it actually consumed. */
  actual: bigint;
  expiresAt: number;
}

export type TakeResult = { admitted: true } | { admitted: false; index: number } | { missing: number };

export interface CounterState {
  used: bigint;
  reserved: bigint;
}

/**
 * The counters of period quotas: Redis (one Lua script per step, so replicas share them atomically)
 * or this process. A take reserves a request's worst case; the settle swaps it for the actual amount,
 * so concurrent requests can never together exceed a hard limit.
 */
export interface QuotaCounterStore {
  /**
   * Reserves `amount` on every counter, or nothing when a hard one would pass its limit (its index) or
   * when a counter does not exist yet and must be seeded first (`missing`).
   */
  take(takes: CounterTake[]): Promise<TakeResult>;
  /** Releases the reservations and adds the actual amounts; returns `used` after each settle. */
  settle(settles: CounterSettle[]): Promise<bigint[]>;
  read(keys: string[]): Promise<(CounterState | null)[]>;
  /** Sets `used` of a counter that does not exist yet (recovery after a restart or a lost Redis). */
  seed(key: string, used: bigint, expiresAt: number): Promise<void>;
}

/** In this process: exact for one instance (embedded mode), not shared. */
export class MemoryQuotaCounters implements QuotaCounterStore {
  private readonly counters = new Map<string, CounterState & { expiresAt: number }>();

  async take(takes: CounterTake[]): Promise<TakeResult> {
    this.sweep();
    const missing = takes.findIndex((t) => !this.counters.has(t.key));
    if (missing >= 0) return { missing };
    const index = takes.findIndex((t) => {
      const c = this.counters.get(t.key);
      return t.hard && (c?.used ?? 0n) + (c?.reserved ?? 0n) + t.amount > t.limit;
    });
    if (index >= 0) return { admitted: false, index };
    for (const t of takes) this.counter(t.key, t.expiresAt).reserved += t.amount;
    return { admitted: true };
  }

  async settle(settles: CounterSettle[]): Promise<bigint[]> {
    return settles.map((s) => {
      const c = this.counter(s.key, s.expiresAt);
      c.reserved -= s.reserved;
      c.used += s.actual;
      return c.used;
    });
  }

  async read(keys: string[]): Promise<(CounterState | null)[]> {
    return keys.map((k) => {
      const c = this.counters.get(k);
      return c ? { used: c.used, reserved: c.reserved } : null;
    });
  }

  async seed(key: string, used: bigint, expiresAt: number): Promise<void> {
    if (!this.counters.has(key)) this.counters.set(key, { used, reserved: 0n, expiresAt });
  }

  private counter(key: string, expiresAt: number): CounterState & { expiresAt: number } {
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = { used: 0n, reserved: 0n, expiresAt }));
    return c;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, c] of this.counters) if (c.expiresAt < now) this.counters.delete(key);
  }
}
