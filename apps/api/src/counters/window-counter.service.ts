import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';

export interface WindowCount {
  count: number;
  /** Seconds until the window (and its count) expires. */
  resetsInSeconds: number;
}

/**
 * Fixed-window counters: in Redis (atomic INCR, shared by all instances) when configured, else in
 * process. For coarse protections such as login throttling, not for exact quotas.
 */
@Injectable()
export class WindowCounterService {
  private readonly local = new LRUCache<string, { count: number; expiresAt: number }>({ max: 100_000 });
  private readonly prefix: string;

  constructor(@Inject(REDIS) private readonly redis: Redis | null, @Inject(APP_CONFIG) config: AppConfig) {
    this.prefix = `${config.REDIS_PREFIX}:counter:`;
  }

  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    if (this.redis) {
      const k = this.prefix + key;
      const result = await this.redis.multi().incr(k).expire(k, windowSeconds, 'NX').ttl(k).exec();
      return { count: Number(result![0]![1]), resetsInSeconds: Math.max(1, Number(result![2]![1])) };
    }
    const now = Date.now();
    const entry = this.local.get(key);
    const live = entry && entry.expiresAt > now ? entry : { count: 0, expiresAt: now + windowSeconds * 1000 };
    live.count++;
    this.local.set(key, live);
    return { count: live.count, resetsInSeconds: Math.ceil((live.expiresAt - now) / 1000) };
  }

  async peek(key: string): Promise<WindowCount> {
    if (this.redis) {
      const k = this.prefix + key;
      const [count, ttl] = await Promise.all([this.redis.get(k), this.redis.ttl(k)]);
      return { count: Number(count ?? 0), resetsInSeconds: Math.max(0, ttl) };
    }
    const entry = this.local.get(key);
    if (!entry || entry.expiresAt <= Date.now()) return { count: 0, resetsInSeconds: 0 };
    return { count: entry.count, resetsInSeconds: Math.ceil((entry.expiresAt - Date.now()) / 1000) };
  }

  async reset(key: string): Promise<void> {
    if (this.redis) await this.redis.del(this.prefix + key);
    else this.local.delete(key);
  }
}
