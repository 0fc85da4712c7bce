import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';
import { LeasedBucketStore } from './leased-bucket.store';
import { MemoryBucketStore } from './memory-bucket.store';
import { RedisBucketStore } from './redis-bucket.store';
import type { LimitScope, ScopeRemaining, TokenBucketStore } from './token-buckets';

export interface Admission {
  /** `x-ratelimit-*` headers describing the tightest limit, as OpenAI sends them. */
  headers: Record<string, string>;
  /** Ends the request: frees its in-flight slot and settles the token estimate against `actualTokens`. */
  release(actualTokens: number): void;
}

const LIMIT_NAMES = { rpm: 'requests per minute', tpm: 'tokens per minute', concurrency: 'concurrent requests' } as const;
const LEVEL_NAMES = { key: 'on this API key', org: 'on this organization', user: 'for your user', ip: 'from your network address' } as const;

/**
 * Rate limits of the policy engine: requests and tokens per minute and requests in flight, at key,
 * org, user and client-IP level, checked and taken atomically for all levels at once (Redis Lua when configured,
 * with local leases so that most requests need no round trip).
 */
@Injectable()
export class RateLimiterService implements OnModuleDestroy {
  private readonly store: TokenBucketStore;

  constructor(@Inject(REDIS) redis: Redis | null, @Inject(APP_CONFIG) config: AppConfig) {
    this.store = redis ? new LeasedBucketStore(new RedisBucketStore(redis, `${config.REDIS_PREFIX}:rl:`)) : new MemoryBucketStore();
  }

  /** Before Redis closes (RedisModule quits on application shutdown, after every module is destroyed). */
  async onModuleDestroy(): Promise<void> {
    await this.store.close?.();
  }

  async admit(scopes: LimitScope[], estimatedTokens: number): Promise<Admission> {
    const limited = scopes.filter((s) => s.limits.rpm || s.limits.tpm || s.limits.concurrency);
    if (!limited.length) return { headers: {}, release: () => undefined };
    const result = await this.store.admit(limited, estimatedTokens, Date.now());
    if (!result.admitted) {
      const level = result.scope.split(':')[0] as keyof typeof LEVEL_NAMES;
      throw new AppException(AppErrorCode.RateLimited, `Rate limit reached for ${LIMIT_NAMES[result.limit]} ${LEVEL_NAMES[level]}.`, {
        retryAfterSeconds: Math.max(1, Math.ceil(result.retryAfterMs / 1000)),
      });
    }
    let released = false;
    return {
      headers: headersOf(result.remaining),
      release: (actualTokens) => {
        if (released) return;
        released = true;
        void this.store.release(limited, actualTokens - estimatedTokens, Date.now()).catch(() => undefined);
      },
    };
  }
}

/** The scope with the least headroom speaks for requests and for tokens. */
function headersOf(remaining: ScopeRemaining[]): Record<string, string> {
  const headers: Record<string, string> = {};
  const tightest = (pick: (r: ScopeRemaining) => ScopeRemaining['requests']) =>
    remaining.map(pick).filter((x): x is NonNullable<typeof x> => x !== null).sort((a, b) => a.remaining / a.limit - b.remaining / b.limit)[0];
  const requests = tightest((r) => r.requests);
  const tokens = tightest((r) => r.tokens);
  if (requests) Object.assign(headers, {
    'x-ratelimit-limit-requests': String(requests.limit), 'x-ratelimit-remaining-requests': String(requests.remaining),
    'x-ratelimit-reset-requests': `${Math.ceil(requests.resetMs / 1000)}s`,
  });
  if (tokens) Object.assign(headers, {
    'x-ratelimit-limit-tokens': String(tokens.limit), 'x-ratelimit-remaining-tokens': String(tokens.remaining),
    'x-ratelimit-reset-tokens': `${Math.ceil(tokens.resetMs / 1000)}s`,
  });
  return headers;
}
