import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';
import { monthStart, partitionName, type PartitionPlan, planPartitions } from './usage-partitions';

const JOB = 'usage-partitions';
const EVERY_MS = 6 * 3600_000;
/** Arbitrary constant: one maintainer at a time across instances. */
const MAINTENANCE_LOCK_ID = 7_340_015;

/**
 * Keeps usage_logs partitioned by month: creates the coming months' partitions (moving any rows the
 * DEFAULT partition caught for them), and drops months past USAGE_RETENTION_MONTHS. Rollups are
 * separate tables and stay. Runs on the `schedule` queue and once at start.
 */
@Injectable()
export class UsagePartitionService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: MessageQueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.process(QueueName.Schedule, async () => void (await this.maintain()), 1)) return;
    await this.queue.schedule(QueueName.Schedule, JOB, EVERY_MS);
    await this.queue.add(QueueName.Schedule, JOB, {}, { attempts: 1 }).catch((err: Error) => {
      this.logger.warn({ err: err.message }, 'could not queue usage partition maintenance at start');
    });
  }

  /** One transaction; partition names and bounds come from dates, never from input. */
  async maintain(now = new Date()): Promise<PartitionPlan> {
    const plan = await this.db.transaction(async (m) => {
      await m.query('SELECT pg_advisory_xact_lock($1)', [MAINTENANCE_LOCK_ID]);
      const partitions: { name: string }[] = await m.query(
        "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'usage_logs'::regclass",
      );
      const waiting: { month: Date | string }[] = await m.query("SELECT DISTINCT date_trunc('month', created_at, 'UTC') AS month FROM usage_logs_default");
      const plan = planPartitions(now, this.config.USAGE_RETENTION_MONTHS, partitions.map((p) => p.name), waiting.map((w) => new Date(w.month)));
      for (const month of plan.create) {
        const name = partitionName(month);
        const [from, to] = [month.toISOString(), monthStart(month, 1).toISOString()];
        // Created apart and attached, so the parent is not locked exclusively; the rows the DEFAULT
        // partition holds for the month move first (attaching checks it has none left).
        await m.query(`CREATE TABLE ${name} (LIKE usage_logs INCLUDING DEFAULTS)`);
        await m.query(
          `WITH moved AS (DELETE FROM usage_logs_default WHERE created_at >= $1 AND created_at < $2 RETURNING *) INSERT INTO ${name} SELECT * FROM moved`,
          [from, to],
        );
        await m.query(`ALTER TABLE usage_logs ATTACH PARTITION ${name} FOR VALUES FROM ('${from}') TO ('${to}')`);
      }
      for (const name of plan.drop) await m.query(`DROP TABLE ${name}`);
      await m.query('DELETE FROM usage_logs_default WHERE created_at < $1', [plan.cutoff.toISOString()]);
      return plan;
    });
    if (plan.create.length || plan.drop.length) {
      this.logger.info({ created: plan.create.map(partitionName), dropped: plan.drop }, 'usage partitions maintained');
    }
    return plan;
  }
}
