import type Redis from 'ioredis';
import { LuaScript } from '../redis/lua-script';
import { type AdmitResult, type LimitScope, MINUTE_MS, type ScopeRemaining, type TokenBucketStore } from './token-buckets';

/** In-flight counters expire if an instance dies holding slots, so a crash cannot block a key forever. */
const IN_FLIGHT_TTL_MS = 15 * MINUTE_MS;

/**
 * All scopes are checked and taken in one script: Redis runs it atomically, so replicas never admit
 * more than the limit between them. Per scope ARGV: rpm, tpm, concurrency (0 = none). Buckets are
 * hashes {level, at}; refill is linear at limit/minute, capped at one minute's worth.
 */
const ADMIT = new LuaScript(`
local now = tonumber(ARGV[1]); local tokens = tonumber(ARGV[2]); local minute = ${MINUTE_MS}
local n = (#KEYS) / 3
local function level(key, limit)
  local b = redis.call('HMGET', key, 'level', 'at')
  if not b[1] then return limit end
  return math.min(limit, tonumber(b[1]) + (now - tonumber(b[2])) * limit / minute)
end
local function wait(lvl, need, limit) if lvl >= need then return 0 end return math.ceil((need - lvl) * minute / limit) end
for i = 0, n - 1 do
  local rpm = tonumber(ARGV[3 + i * 3]); local tpm = tonumber(ARGV[4 + i * 3]); local conc = tonumber(ARGV[5 + i * 3])
  if conc > 0 and tonumber(redis.call('GET', KEYS[i * 3 + 3]) or '0') >= conc then return {0, i, 'concurrency', 1000} end
  if rpm > 0 then local l = level(KEYS[i * 3 + 1], rpm); if l < 1 then return {0, i, 'rpm', wait(l, 1, rpm)} end end
  if tpm > 0 then local need = math.min(tokens, tpm); local l = level(KEYS[i * 3 + 2], tpm)
    if l < need then return {0, i, 'tpm', wait(l, need, tpm)} end end
end
local out = {1}
for i = 0, n - 1 do
  local rpm = tonumber(ARGV[3 + i * 3]); local tpm = tonumber(ARGV[4 + i * 3]); local conc = tonumber(ARGV[5 + i * 3])
  if conc > 0 then redis.call('INCR', KEYS[i * 3 + 3]); redis.call('PEXPIRE', KEYS[i * 3 + 3], ${IN_FLIGHT_TTL_MS}) end
  local r = -1; local t = -1
  if rpm > 0 then r = level(KEYS[i * 3 + 1], rpm) - 1; redis.call('HSET', KEYS[i * 3 + 1], 'level', r, 'at', now); redis.call('PEXPIRE', KEYS[i * 3 + 1], 2 * minute) end
  if tpm > 0 then t = level(KEYS[i * 3 + 2], tpm) - tokens; redis.call('HSET', KEYS[i * 3 + 2], 'level', t, 'at', now); redis.call('PEXPIRE', KEYS[i * 3 + 2], 2 * minute) end
  table.insert(out, tostring(r)); table.insert(out, tostring(t))
end
return out
`);

/** Gives back an in-flight slot and corrects the token bucket by the difference actual - estimate. */
const RELEASE = new LuaScript(`
local now = tonumber(ARGV[1]); local delta = tonumber(ARGV[2]); local minute = ${MINUTE_MS}
for i = 0, (#KEYS) / 2 - 1 do
  local tpm = tonumber(ARGV[3 + i * 2]); local conc = tonumber(ARGV[4 + i * 2])
  if conc > 0 then local v = redis.call('DECR', KEYS[i * 2 + 2]); if v < 0 then redis.call('SET', KEYS[i * 2 + 2], 0) end end
  if tpm > 0 and delta ~= 0 then
    local b = redis.call('HMGET', KEYS[i * 2 + 1], 'level', 'at')
    local l = tpm
    if b[1] then l = math.min(tpm, tonumber(b[1]) + (now - tonumber(b[2])) * tpm / minute) end
    redis.call('HSET', KEYS[i * 2 + 1], 'level', l - delta, 'at', now); redis.call('PEXPIRE', KEYS[i * 2 + 1], 2 * minute)
  end
end
return 1
`);

export class RedisBucketStore implements TokenBucketStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async admit(scopes: LimitScope[], tokens: number, now: number): Promise<AdmitResult> {
    const keys = scopes.flatMap((s) => [`${this.prefix}${s.id}:rpm`, `${this.prefix}${s.id}:tpm`, `${this.prefix}${s.id}:inflight`]);
    const args = [now, tokens, ...scopes.flatMap((s) => [s.limits.rpm ?? 0, s.limits.tpm ?? 0, s.limits.concurrency ?? 0])];
    const result = await ADMIT.run<(string | number)[]>(this.redis, keys, args);
    if (Number(result[0]) === 0) {
      return { admitted: false, scope: scopes[Number(result[1])]!.id, limit: String(result[2]) as 'rpm' | 'tpm' | 'concurrency', retryAfterMs: Number(result[3]) };
    }
    const remaining: ScopeRemaining[] = scopes.map((s, i) => {
      const r = Number(result[1 + i * 2]);
      const t = Number(result[2 + i * 2]);
      return {
        scope: s.id,
        requests: s.limits.rpm ? { limit: s.limits.rpm, remaining: Math.max(0, Math.floor(r)), resetMs: Math.ceil(((s.limits.rpm - r) * MINUTE_MS) / s.limits.rpm) } : null,
        tokens: s.limits.tpm ? { limit: s.limits.tpm, remaining: Math.max(0, Math.floor(t)), resetMs: Math.ceil(((s.limits.tpm - t) * MINUTE_MS) / s.limits.tpm) } : null,
      };
    });
    return { admitted: true, remaining };
  }

  async release(scopes: LimitScope[], tokenDelta: number, now: number): Promise<void> {
    const keys = scopes.flatMap((s) => [`${this.prefix}${s.id}:tpm`, `${this.prefix}${s.id}:inflight`]);
    const args = [now, tokenDelta, ...scopes.flatMap((s) => [s.limits.tpm ?? 0, s.limits.concurrency ?? 0])];
    await RELEASE.run(this.redis, keys, args);
  }
}
