import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { LuaScript } from '../redis/lua-script';
import type { UsageBuffer } from './usage-buffer';
import type { UsageRecord } from './usage-record';

/**
 * Moves up to ARGV[1] records from the shared list into this consumer's processing list, in one step;
 * a processing list that still holds a batch (its write failed) is handed out again instead.
 * Returns { shared list length, batch }.
 */
const TAKE = new LuaScript(`
local batch = redis.call('LRANGE', KEYS[2], 0, -1)
if #batch == 0 then
  batch = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
  if #batch > 0 then
    redis.call('LTRIM', KEYS[1], #batch, -1)
    redis.call('RPUSH', KEYS[2], unpack(batch))
  end
end
return { redis.call('LLEN', KEYS[1]), batch }`);

/** Gives a dead consumer's (heartbeat expired) processing list back to the shared list. Returns the count. */
const RECLAIM = new LuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local batch = redis.call('LRANGE', KEYS[2], 0, -1)
if #batch > 0 then
  redis.call('RPUSH', KEYS[3], unpack(batch))
  redis.call('DEL', KEYS[2])
end
redis.call('SREM', KEYS[4], ARGV[1])
return #batch`);

const HEARTBEAT_EVERY_MS = 3_000;
/**
 * Records finished within this window go out in one RPUSH: socket writes are the gateway's largest CPU
 * item, and a short window batches records at any rate. Shutdown sends what is pending.
 */
const PUSH_WINDOW_MS = 10;
const HEARTBEAT_TTL_MS = 15_000;

/**
 * The buffer shared by all instances: one Redis list, one RPUSH per push window. Each consumer takes
 * batches into its own processing list (atomically, by script) and deletes that list only after the
 * database committed the batch; consumers whose heartbeat expired have their processing lists pushed
 * back by the others, so a crashed instance loses nothing. Records that could not reach Redis wait in
 * memory and are pushed again.
 */
export class RedisUsageBuffer implements UsageBuffer {
  private readonly id = randomUUID();
  private readonly keys: { list: string; consumers: string; processing: (id: string) => string; alive: (id: string) => string };
  private readonly unsent: string[] = [];
  /** Records of the current push window, not sent yet. */
  private pending: string[] = [];
  private pushTimer: NodeJS.Timeout | null = null;
  private sharedLength = 0;
  private taken = 0;
  private readonly heartbeat: NodeJS.Timeout;
  private registered = false;
  private lastReclaim = 0;

  constructor(private readonly redis: Redis, prefix: string) {
    const base = `${prefix}:usage`;
    this.keys = {
      list: `${base}:buffer`, consumers: `${base}:consumers`,
      processing: (id) => `${base}:processing:${id}`, alive: (id) => `${base}:alive:${id}`,
    };
    this.heartbeat = setInterval(() => void this.beat().catch(() => undefined), HEARTBEAT_EVERY_MS);
    this.heartbeat.unref();
  }

  push(record: UsageRecord): void {
    this.pending.push(JSON.stringify(record));
    this.pushTimer ??= setTimeout(() => this.sendPending(), PUSH_WINDOW_MS);
  }

  async take(max: number): Promise<UsageRecord[]> {
    // Sent first on the same connection, so the pending records are in the list TAKE reads.
    this.sendPending();
    if (!this.registered) await this.beat();
    if (this.unsent.length) await this.pushUnsent();
    if (Date.now() - this.lastReclaim > HEARTBEAT_EVERY_MS) await this.reclaim();
    const [length, batch] = await TAKE.run<[number, string[]]>(this.redis, [this.keys.list, this.keys.processing(this.id)], [max]);
    this.sharedLength = length;
    this.taken = batch.length;
    return batch.map((json) => JSON.parse(json) as UsageRecord);
  }

  async ack(): Promise<void> {
    await this.redis.del(this.keys.processing(this.id));
    this.taken = 0;
  }

  backlog(): number {
    return this.sharedLength + this.taken + this.unsent.length + this.pending.length;
  }

  held(): number {
    return this.taken + this.unsent.length + this.pending.length;
  }

  /** Leaves an unwritten batch in place: the heartbeat expires and another instance reclaims it. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.clearPushTimer();
    this.unsent.push(...this.pending.splice(0));
    if (this.unsent.length) await this.pushUnsent().catch(() => undefined);
    if (!this.taken) await this.redis.multi().del(this.keys.alive(this.id)).srem(this.keys.consumers, this.id).exec().catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.redis.multi().set(this.keys.alive(this.id), '1', 'PX', HEARTBEAT_TTL_MS).sadd(this.keys.consumers, this.id).exec();
    this.registered = true;
  }

  private clearPushTimer(): void {
    if (this.pushTimer) clearTimeout(this.pushTimer);
    this.pushTimer = null;
  }

  private sendPending(): void {
    this.clearPushTimer();
    if (!this.pending.length) return;
    const records = this.pending;
    this.pending = [];
    this.redis.rpush(this.keys.list, ...records).then((length) => {
      this.sharedLength = length;
    }, () => this.unsent.push(...records));
  }

  private async pushUnsent(): Promise<void> {
    const records = this.unsent.splice(0);
    try {
      this.sharedLength = await this.redis.rpush(this.keys.list, ...records);
    } catch (err) {
      this.unsent.unshift(...records);
      throw err;
    }
  }

  private async reclaim(): Promise<void> {
    this.lastReclaim = Date.now();
    for (const consumer of await this.redis.smembers(this.keys.consumers)) {
      if (consumer === this.id) continue;
      await RECLAIM.run(this.redis, [this.keys.alive(consumer), this.keys.processing(consumer), this.keys.list, this.keys.consumers], [consumer]);
    }
  }
}
