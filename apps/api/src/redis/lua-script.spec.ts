import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { LuaScript } from './lua-script';

const url = process.env.REDIS_URL;

describe.runIf(url)('LuaScript (real Redis)', () => {
  const redis = new Redis(url!, { enableAutoPipelining: true });
  const key = `lua-script-spec:${process.pid}:${Date.now()}`;
  const incr = new LuaScript("return redis.call('INCRBY', KEYS[1], ARGV[1])");
  afterAll(async () => {
    await redis.del(key);
    await redis.quit();
  });

  it('runs by SHA, and sends the body again when Redis has forgotten it', async () => {
    expect(await incr.run<number>(redis, [key], [2])).toBe(2);
    await redis.script('FLUSH');
    expect(await incr.run<number>(redis, [key], [3])).toBe(5);
    expect(await incr.run<number>(redis, [key], [1])).toBe(6);
  });

  it('passes other script errors through', async () => {
    await expect(new LuaScript("return redis.call('NOPE')").run(redis, [], [])).rejects.toThrow(/NOPE|Unknown/i);
  });
});
