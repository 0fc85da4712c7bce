import type Redis from 'ioredis';
import { LuaScript } from '../redis/lua-script';
import {
  type AdmitResult, bucketRemaining, type LeaseAsk, type LeaseReturn, type LeaseSource, type LeasingAdmitResult, type LimitScope, MINUTE_MS,
  type TokenBucketStore,
} from './token-buckets';

/** In-flight counters expire if an instance dies holding slots, so a crash cannot block a key forever. */
const IN_FLIGHT_TTL_MS = 15 * MINUTE_MS;

/**
 * A granted lease is at most this share of what the bucket holds after the request, so all instances
 * together can hold only a small part of what is left, and none at all once fewer than 1/LEASE_SHARE
 * units remain: near the limit every admission is exact and synchronous.
 */
const LEASE_SHARE = 0.1;

/** Buckets are hashes {level, at}; refill is linear at limit/minute, capped at one minute's worth. */
const LEVEL = `
local minute = ${MINUTE_MS}
local function level(key, limit, now)
  local b = redis.call('HMGET', key, 'level', 'at')
  if not b[1] then return limit end
  return math.min(limit, tonumber(b[1]) + (now - tonumber(b[2])) * limit / minute)
end
local function store(key, lvl, now) redis.call('HSET', key, 'level', lvl, 'at', now); redis.call('PEXPIRE', key, 2 * minute) end
`;

/**
 * All scopes are checked and taken in one script: Redis runs it atomically, so replicas never admit
 * more than the limit between them. Per scope ARGV: rpm, tpm, concurrency (0 = none), and the lease
 * asked for requests and tokens (0 = none). A lease is moved out of the bucket with the request, so
 * what an instance admits from it was already counted here. Replies the levels after the request
 * (before the lease: what clients are told remains) and the leases granted.
 */
const ADMIT = new LuaScript(`${LEVEL}
local now = tonumber(ARGV[1]); local tokens = tonumber(ARGV[2])
local n = (#KEYS) / 3
local function wait(lvl, need, limit) if lvl >= need then return 0 end return math.ceil((need - lvl) * minute / limit) end
local function lease(ask, lvl) if ask <= 0 or lvl <= 0 then return 0 end return math.min(ask, math.floor(lvl * ${LEASE_SHARE})) end
for i = 0, n - 1 do
  local rpm = tonumber(ARGV[3 + i * 5]); local tpm = tonumber(ARGV[4 + i * 5]); local conc = tonumber(ARGV[5 + i * 5])
  if conc > 0 and tonumber(redis.call('GET', KEYS[i * 3 + 3]) or '0') >= conc then return {0, i, 'concurrency', 1000} end
  if rpm > 0 then local l = level(KEYS[i * 3 + 1], rpm, now); if l < 1 then return {0, i, 'rpm', wait(l, 1, rpm)} end end
  if tpm > 0 then local need = math.min(tokens, tpm); local l = level(KEYS[i * 3 + 2], tpm, now)
    if l < need then return {0, i, 'tpm', wait(l, need, tpm)} end end
end
local out = {1}
for i = 0, n - 1 do
  local rpm = tonumber(ARGV[3 + i * 5]); local tpm = tonumber(ARGV[4 + i * 5]); local conc = tonumber(ARGV[5 + i * 5])
  if conc > 0 then redis.call('INCR', KEYS[i * 3 + 3]); redis.call('PEXPIRE', KEYS[i * 3 + 3], ${IN_FLIGHT_TTL_MS}) end
  local r = -1; local t = -1; local lr = 0; local lt = 0
  if rpm > 0 then r = level(KEYS[i * 3 + 1], rpm, now) - 1; lr = lease(tonumber(ARGV[6 + i * 5]), r); store(KEYS[i * 3 + 1], r - lr, now) end
  if tpm > 0 then t = level(KEYS[i * 3 + 2], tpm, now) - tokens; lt = lease(tonumber(ARGV[7 + i * 5]), t)
    -- a token lease that cannot cover a request like this one would only sit unused until it expires
    if lt < tokens then lt = 0 end
    store(KEYS[i * 3 + 2], t - lt, now) end
  table.insert(out, tostring(r)); table.insert(out, tostring(t)); table.insert(out, lr); table.insert(out, lt)
end
return out
`);

/** Gives back an in-flight slot and corrects the token bucket by the difference actual - estimate. */
const RELEASE = new LuaScript(`${LEVEL}
local now = tonumber(ARGV[1]); local delta = tonumber(ARGV[2])
for i = 0, (#KEYS) / 2 - 1 do
  local tpm = tonumber(ARGV[3 + i * 2]); local conc = tonumber(ARGV[4 + i * 2])
  if conc > 0 then local v = redis.call('DECR', KEYS[i * 2 + 2]); if v < 0 then redis.call('SET', KEYS[i * 2 + 2], 0) end end
  if tpm > 0 and delta ~= 0 then store(KEYS[i * 2 + 1], level(KEYS[i * 2 + 1], tpm, now) - delta, now) end
end
return 1
`);

/**
 * Puts unused leases and batched token corrections back, per scope ARGV: rpm, requests, tpm, tokens
 * (negative tokens = usage beyond the estimates, charged as debt). Never above the burst: a bucket
 * that refilled while the lease was out is full already.
 */
const GIVE_BACK = new LuaScript(`${LEVEL}
local now = tonumber(ARGV[1])
for i = 0, (#KEYS) / 2 - 1 do
  local rpm = tonumber(ARGV[2 + i * 4]); local requests = tonumber(ARGV[3 + i * 4])
  local tpm = tonumber(ARGV[4 + i * 4]); local tokens = tonumber(ARGV[5 + i * 4])
  if rpm > 0 and requests ~= 0 then store(KEYS[i * 2 + 1], math.min(rpm, level(KEYS[i * 2 + 1], rpm, now) + requests), now) end
  if tpm > 0 and tokens ~= 0 then store(KEYS[i * 2 + 2], math.min(tpm, level(KEYS[i * 2 + 2], tpm, now) + tokens), now) end
end
return 1
`);

export class RedisBucketStore implements TokenBucketStore, LeaseSource {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  admit(scopes: LimitScope[], tokens: number, now: number): Promise<AdmitResult> {
    return this.admitLeasing(scopes, tokens, now, scopes.map(() => ({ requests: 0, tokens: 0 })));
  }

  async admitLeasing(scopes: LimitScope[], tokens: number, now: number, asks: LeaseAsk[]): Promise<LeasingAdmitResult> {
    const keys = scopes.flatMap((s) => [`${this.prefix}${s.id}:rpm`, `${this.prefix}${s.id}:tpm`, `${this.prefix}${s.id}:inflight`]);
    const args = [now, tokens, ...scopes.flatMap((s, i) => [
      s.limits.rpm ?? 0, s.limits.tpm ?? 0, s.limits.concurrency ?? 0, asks[i]!.requests, asks[i]!.tokens,
    ])];
    const result = await ADMIT.run<(string | number)[]>(this.redis, keys, args);
    if (Number(result[0]) === 0) {
      return { admitted: false, scope: scopes[Number(result[1])]!.id, limit: String(result[2]) as 'rpm' | 'tpm' | 'concurrency', retryAfterMs: Number(result[3]) };
    }
    const at = (i: number, field: number) => Number(result[1 + i * 4 + field]);
    return {
      admitted: true,
      remaining: scopes.map((s, i) => ({
        scope: s.id,
        requests: s.limits.rpm ? bucketRemaining(s.limits.rpm, at(i, 0)) : null,
        tokens: s.limits.tpm ? bucketRemaining(s.limits.tpm, at(i, 1)) : null,
      })),
      leases: scopes.map((_, i) => ({ requests: at(i, 2), tokens: at(i, 3) })),
    };
  }

  async release(scopes: LimitScope[], tokenDelta: number, now: number): Promise<void> {
    const keys = scopes.flatMap((s) => [`${this.prefix}${s.id}:tpm`, `${this.prefix}${s.id}:inflight`]);
    const args = [now, tokenDelta, ...scopes.flatMap((s) => [s.limits.tpm ?? 0, s.limits.concurrency ?? 0])];
    await RELEASE.run(this.redis, keys, args);
  }

  async giveBack(returns: LeaseReturn[], now: number): Promise<void> {
    const keys = returns.flatMap((r) => [`${this.prefix}${r.scope}:rpm`, `${this.prefix}${r.scope}:tpm`]);
    const args = [now, ...returns.flatMap((r) => [r.limits.rpm ?? 0, r.requests, r.limits.tpm ?? 0, r.tokens])];
    await GIVE_BACK.run(this.redis, keys, args);
  }
}
