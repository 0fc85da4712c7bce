import type Redis from 'ioredis';
import { LuaScript } from '../redis/lua-script';
import type { CounterSettle, CounterState, CounterTake, QuotaCounterStore, TakeResult } from './quota-counters';

/**
 * Checks every hard counter, then reserves on all of them, in one script: Redis runs it atomically,
 * so replicas cannot together pass a limit. Counters are hashes {used, reserved}; HINCRBY keeps them
 * exact 64-bit integers (the comparison in Lua is exact up to 2^53: 9 million dollars in nano-dollars).
 * A counter that does not exist is reported ({2, index}) so the caller seeds it from the usage rows.
 * ARGV per key: limit, amount, hard (1/0), expire-at (epoch ms).
 */
const TAKE = new LuaScript(`
for i = 1, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 0 then return {2, i - 1} end
end
for i = 1, #KEYS do
  local base = (i - 1) * 4
  if ARGV[base + 3] == '1' then
    local c = redis.call('HMGET', KEYS[i], 'used', 'reserved')
    if tonumber(c[1] or '0') + tonumber(c[2] or '0') + tonumber(ARGV[base + 2]) > tonumber(ARGV[base + 1]) then return {0, i - 1} end
  end
end
for i = 1, #KEYS do
  local base = (i - 1) * 4
  redis.call('HINCRBY', KEYS[i], 'reserved', ARGV[base + 2])
  redis.call('PEXPIREAT', KEYS[i], ARGV[base + 4])
end
return {1}
`);

/** ARGV per key: reserved delta (negative: given back), actual (added to used), expire-at. Returns used after each. */
const SETTLE = new LuaScript(`
local out = {}
for i = 1, #KEYS do
  local base = (i - 1) * 3
  redis.call('HINCRBY', KEYS[i], 'reserved', ARGV[base + 1])
  out[i] = tostring(redis.call('HINCRBY', KEYS[i], 'used', ARGV[base + 2]))
  redis.call('PEXPIREAT', KEYS[i], ARGV[base + 3])
end
return out
`);

export class RedisQuotaCounters implements QuotaCounterStore {
  constructor(private readonly redis: Redis, private readonly prefix: string) {}

  async take(takes: CounterTake[]): Promise<TakeResult> {
    const args = takes.flatMap((t) => [t.limit.toString(), t.amount.toString(), t.hard ? '1' : '0', String(t.expiresAt)]);
    const result = await TAKE.run<number[]>(this.redis, takes.map((t) => this.prefix + t.key), args);
    if (result[0] === 2) return { missing: Number(result[1]) };
    return result[0] === 1 ? { admitted: true } : { admitted: false, index: Number(result[1]) };
  }

  async settle(settles: CounterSettle[]): Promise<bigint[]> {
    const args = settles.flatMap((s) => [(-s.reserved).toString(), s.actual.toString(), String(s.expiresAt)]);
    const result = await SETTLE.run<string[]>(this.redis, settles.map((s) => this.prefix + s.key), args);
    return result.map((v) => BigInt(v));
  }

  async read(keys: string[]): Promise<(CounterState | null)[]> {
    if (!keys.length) return [];
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.hmget(this.prefix + key, 'used', 'reserved');
    const results = (await pipeline.exec()) ?? [];
    return results.map(([err, value]) => {
      const [used, reserved] = (err ? [null, null] : value) as (string | null)[];
      return used === null && reserved === null ? null : { used: BigInt(used ?? 0), reserved: BigInt(reserved ?? 0) };
    });
  }

  async seed(key: string, used: bigint, expiresAt: number): Promise<void> {
    await this.redis.multi().hsetnx(this.prefix + key, 'used', used.toString()).pexpireat(this.prefix + key, expiresAt).exec();
  }
}
