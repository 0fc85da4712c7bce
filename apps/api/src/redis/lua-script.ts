import { createHash } from 'node:crypto';
import type Redis from 'ioredis';

/**
 * A Lua script called by its SHA-1 (EVALSHA), sent whole only when Redis answers NOSCRIPT (after a
 * restart or SCRIPT FLUSH): the body crosses the wire once, not on every request. ioredis's
 * `defineCommand` does the same but adds untyped methods to each client; this stays typed and shared.
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run<T>(redis: Redis, keys: string[], args: (string | number)[]): Promise<T> {
    try {
      return (await redis.evalsha(this.sha, keys.length, ...keys, ...args)) as T;
    } catch (err) {
      if (!(err as Error).message?.startsWith('NOSCRIPT')) throw err;
      return (await redis.eval(this.source, keys.length, ...keys, ...args)) as T;
    }
  }
}
