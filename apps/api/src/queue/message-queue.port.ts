/** Queue names; one per kind of background work. */
export enum QueueName {
  HealthChecks = 'health-checks',
  Notifications = 'notifications',
  Invoices = 'invoices',
  Billing = 'billing',
  Monitoring = 'monitoring',
  Alerts = 'alerts',
  RequestBodies = 'request-bodies',
  /** Periodic maintenance (usage partitions and retention). */
  Schedule = 'schedule',
}

export interface QueueJob<T = unknown> {
  id: string;
  name: string;
  data: T;
  /** 1 on the first delivery. */
  attempt: number;
}

export interface JobOptions {
  /** Deduplicates: a job whose id is already queued is not added again. */
  jobId?: string;
  attempts?: number;
  /** Base of the exponential backoff between attempts. */
  backoffMs?: number;
  delayMs?: number;
}

export type JobHandler<T = unknown> = (job: QueueJob<T>) => Promise<void>;

/** The port both drivers implement (BullMQ with Redis, in-process when embedded); handlers never know which. */
export interface MessageQueueDriver {
  add<T>(queue: QueueName, name: string, data: T, options?: JobOptions): Promise<void>;
  work(queue: QueueName, handler: JobHandler, concurrency: number): void;
  /** Adds `name` every `everyMs`, once across all instances (BullMQ job scheduler; in-process timer). */
  schedule(queue: QueueName, name: string, everyMs: number): Promise<void>;
  /** Jobs waiting or running, for health and metrics. */
  depth(queue: QueueName): Promise<number>;
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

export const DEFAULT_JOB_OPTIONS = { attempts: 5, backoffMs: 500 } as const;
