import type { UsageRecord } from './usage-record';

/**
 * Where finished requests wait to be written. `take` hands out a batch that stays in the buffer until
 * `ack`: a batch whose write failed is handed out again, so nothing is lost to a database outage.
 */
export interface UsageBuffer {
  /** Appends and returns at once; never drops a record. */
  push(record: UsageRecord): void;
  /** The batch not yet acknowledged, or else up to `max` new records (empty when none wait). */
  take(max: number): Promise<UsageRecord[]>;
  /** The batch from `take` is committed; it leaves the buffer. */
  ack(): Promise<void>;
  /** Records waiting to be written, as last known (all instances' with Redis). */
  backlog(): number;
  /** Records only this process holds: what would be lost if it died now. */
  held(): number;
  close(): Promise<void>;
}

/**
 * The buffer of a process without Redis: an array in memory. Bounded by the writer's admission check,
 * not here, because a request already admitted must still be recorded. A crash of such a process
 * loses what it has not flushed yet (at most ~50 ms of requests while the database is up).
 */
export class MemoryUsageBuffer implements UsageBuffer {
  private records: UsageRecord[] = [];
  private taken = 0;

  push(record: UsageRecord): void {
    this.records.push(record);
  }

  async take(max: number): Promise<UsageRecord[]> {
    if (!this.taken) this.taken = Math.min(max, this.records.length);
    return this.records.slice(0, this.taken);
  }

  async ack(): Promise<void> {
    this.records.splice(0, this.taken);
    this.taken = 0;
  }

  backlog(): number {
    return this.records.length;
  }

  held(): number {
    return this.records.length;
  }

  async close(): Promise<void> {
    // Nothing to release; the writer drains `held()` before it closes the buffer.
  }
}
