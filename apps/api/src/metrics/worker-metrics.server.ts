import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { register } from 'prom-client';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * The worker process has no HTTP surface, yet its counters matter (queue job failures happen where the
 * jobs run): with WORKER_METRICS_PORT set it answers GET /metrics from the same registry, nothing else.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server: Server | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'WORKER_METRICS_PORT' | 'HOST'>) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.WORKER_METRICS_PORT === undefined) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      register.metrics().then(
        (text) => res.writeHead(200, { 'content-type': register.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((ready, fail) => server.once('error', fail).listen(this.config.WORKER_METRICS_PORT, this.config.HOST, ready));
    this.server = server;
  }

  /** Where it listens, once started. */
  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise((done) => (this.server ? this.server.close(done) : done(undefined)));
  }
}
