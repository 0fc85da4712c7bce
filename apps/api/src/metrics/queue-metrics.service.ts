import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Gauge, register } from 'prom-client';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';

const QUEUE_DEPTH = 'ai_router_queue_depth';

/** Jobs waiting or running per queue, read when Prometheus scrapes (usage has its own backlog gauge). */
@Injectable()
export class QueueMetricsService implements OnModuleInit {
  constructor(private readonly queue: MessageQueueService) {}

  onModuleInit(): void {
    if (register.getSingleMetric(QUEUE_DEPTH)) return;
    const queue = this.queue;
    new Gauge({
      name: QUEUE_DEPTH,
      help: 'Jobs waiting or running, per queue',
      labelNames: ['queue'],
      // Every process reads the same shared queues: with HTTP_WORKERS > 1 the cluster view is one reading, not a sum.
      aggregator: 'max',
      async collect() {
        for (const name of Object.values(QueueName)) this.set({ queue: name }, await queue.depth(name).catch(() => -1));
      },
    });
  }
}
