import { makeCounterProvider } from '@willsoto/nestjs-prometheus';

export const QUEUE_JOB_FAILURES = 'ai_router_queue_job_failures_total';

/**
 * Counted by MessageQueueService around every handler, so each queue's failures show without code of
 * its own. Its own file: the queue service imports it, and the queue depth gauge imports the queue.
 */
export const QUEUE_JOB_FAILURES_PROVIDER = makeCounterProvider({
  name: QUEUE_JOB_FAILURES, help: 'Queue job attempts that threw (a job is retried until its attempts run out)', labelNames: ['queue'],
});
