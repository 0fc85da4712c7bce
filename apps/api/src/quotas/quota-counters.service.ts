import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { type CounterSettle, type CounterState, type CounterTake, MemoryQuotaCounters, type QuotaCounterStore } from './quota-counters';
import type { QuotaPolicy } from './quota-policy.entity';
import { type QuotaWindow, windowOf } from './quota-windows';
import { RedisQuotaCounters } from './redis-quota-counters';

/** Counters outlive their window a little, so a request that started just before the reset still settles. */
const WINDOW_GRACE_MS = 3_600_000;

export interface PolicyCounter {
  policy: QuotaPolicy;
  window: QuotaWindow;
  key: string;
  expiresAt: number;
}

/** A request seeds at most this many counters before giving up on a store that keeps losing them. */
const MAX_SEEDS_PER_TAKE = 16;

/**
 * Names, seeds and moves the counters of quota policies. A counter that does not exist (a new window,
 * a restarted embedded instance, a Redis that lost its data) is seeded from the usage rows of its
 * window before use, and seeding never overwrites a live counter, so nothing hands out a fresh month.
 */
@Injectable()
export class QuotaCountersService {
  private readonly store: QuotaCounterStore;

  constructor(
    @Inject(REDIS) redis: Redis | null,
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {
    this.store = redis ? new RedisQuotaCounters(redis, `${config.REDIS_PREFIX}:quota:`) : new MemoryQuotaCounters();
  }

  counterOf(policy: QuotaPolicy, now: number): PolicyCounter {
    const window = windowOf(policy.period, now);
    return { policy, window, key: `${policy.id}:${window.start}`, expiresAt: window.end + WINDOW_GRACE_MS };
  }

  async take(counters: PolicyCounter[], amounts: bigint[]): Promise<{ admitted: true } | { admitted: false; index: number }> {
    const takes: CounterTake[] = counters.map((c, i) => ({
      key: c.key, limit: BigInt(c.policy.limitValue), amount: amounts[i]!, hard: c.policy.hard, expiresAt: c.expiresAt,
    }));
    for (let seeds = 0; seeds <= MAX_SEEDS_PER_TAKE; seeds++) {
      const result = await this.store.take(takes);
      if (!('missing' in result)) return result;
      await this.seed(counters[result.missing]!);
    }
    throw new Error('quota counters keep disappearing; is the quota store evicting keys?');
  }

  settle(counters: PolicyCounter[], reserved: bigint[], actual: bigint[]): Promise<bigint[]> {
    const settles: CounterSettle[] = counters.map((c, i) => ({ key: c.key, reserved: reserved[i]!, actual: actual[i]!, expiresAt: c.expiresAt }));
    return this.store.settle(settles);
  }

  /** The current window of each policy with what it has used and reserved. */
  async current(policies: QuotaPolicy[], now: number): Promise<(CounterState & { window: QuotaWindow })[]> {
    const counters = policies.map((p) => this.counterOf(p, now));
    let states = await this.store.read(counters.map((c) => c.key));
    const missing = counters.filter((_, i) => !states[i]);
    if (missing.length) {
      for (const counter of missing) await this.seed(counter);
      states = await this.store.read(counters.map((c) => c.key));
    }
    return counters.map((c, i) => ({ used: states[i]?.used ?? 0n, reserved: states[i]?.reserved ?? 0n, window: c.window }));
  }

  private async seed(counter: PolicyCounter): Promise<void> {
    await this.store.seed(counter.key, await this.usedSoFar(counter), counter.expiresAt);
  }

  /**
   * What the recorded usage rows of the window add up to, by the rule requests are counted with
   * (every request the client did not see fail on our or the provider's side, i.e. status below 500).
   */
  private async usedSoFar({ policy, window }: PolicyCounter): Promise<bigint> {
    const column = { requests: 'count(*) FILTER (WHERE status < 500)', tokens: 'coalesce(sum(input_tokens + output_tokens), 0)', cost: 'coalesce(sum(cost_nano), 0)' }[policy.metric];
    const subject = { org: '', key: 'AND api_key_id = $3', user: 'AND user_id = $3' }[policy.scope];
    const params: unknown[] = [policy.orgId, new Date(window.start), ...(policy.scope === 'org' ? [] : [policy.subjectId])];
    const rows = (await this.db.query(
      `SELECT ${column}::text AS used FROM usage_logs WHERE org_id = $1 AND created_at >= $2 ${subject}`,
      params,
    )) as { used: string }[];
    return BigInt(rows[0]?.used ?? '0');
  }
}
