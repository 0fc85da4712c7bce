/** Month arithmetic and the plan of the usage_logs partition maintenance; pure, all in UTC. */

const PARTITION_NAME = /^usage_logs_(\d{4})_(\d{2})$/;

/** Months created ahead of the current one, so inserts at a month boundary always find their partition. */
export const MONTHS_AHEAD = 2;

/** First instant of the UTC month `offset` months after the one containing `instant`. */
export function monthStart(instant: Date, offset = 0): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth() + offset, 1));
}

/** usage_logs_2026_04 for April 2026. */
export function partitionName(month: Date): string {
  return `usage_logs_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** The month a monthly partition holds, or null for other tables (the DEFAULT partition). */
export function partitionMonth(name: string): Date | null {
  const match = PARTITION_NAME.exec(name);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)) : null;
}

export interface PartitionPlan {
  /** Rows older than this are past retention. */
  cutoff: Date;
  /** Month starts to create, oldest first. */
  create: Date[];
  /** Partition names to drop. */
  drop: string[];
}

/**
 * Keeps `retentionMonths` months (the current one included): partitions for the current month and
 * MONTHS_AHEAD more, plus months within retention that have rows waiting in the DEFAULT partition;
 * partitions wholly before the cutoff are dropped.
 */
export function planPartitions(now: Date, retentionMonths: number, existing: string[], monthsInDefault: Date[]): PartitionPlan {
  const cutoff = monthStart(now, 1 - retentionMonths);
  const have = new Set(existing);
  const wanted = new Map<number, Date>();
  for (let offset = 0; offset <= MONTHS_AHEAD; offset++) wanted.set(monthStart(now, offset).getTime(), monthStart(now, offset));
  for (const month of monthsInDefault) if (month >= cutoff) wanted.set(monthStart(month).getTime(), monthStart(month));
  return {
    cutoff,
    create: [...wanted.values()].filter((m) => !have.has(partitionName(m))).sort((a, b) => a.getTime() - b.getTime()),
    drop: existing.filter((name) => {
      const month = partitionMonth(name);
      return month !== null && month < cutoff;
    }),
  };
}
