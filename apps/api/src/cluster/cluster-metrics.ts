import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry } from 'prom-client';

/** IPC between a gateway process and the cluster primary, which alone can gather every process's metrics. */
export const METRICS_REQUEST = 'ai-router:metrics-request';
export const METRICS_REPLY = 'ai-router:metrics-reply';

export interface MetricsRequest {
  type: typeof METRICS_REQUEST;
  id: string;
}

export interface MetricsReply {
  type: typeof METRICS_REPLY;
  id: string;
  text?: string;
  contentType?: string;
  error?: string;
}

const REPLY_TIMEOUT_MS = 10_000;

/** In a cluster process: answer the primary's requests for this process's registry (prom-client wires that up). */
export function shareMetricsWithPrimary(): void {
  new AggregatorRegistry();
}

/** The whole cluster's metrics in Prometheus text, or null outside a cluster (the caller uses its own registry). */
export function clusterMetrics(): Promise<{ text: string; contentType: string }> | null {
  if (!cluster.isWorker || !process.send) return null;
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const onMessage = (message: MetricsReply) => {
      if (message?.type !== METRICS_REPLY || message.id !== id) return;
      done();
      if (message.error !== undefined || message.text === undefined) reject(new Error(`cluster metrics: ${message.error ?? 'empty reply'}`));
      else resolve({ text: message.text, contentType: message.contentType ?? 'text/plain' });
    };
    const timer = setTimeout(() => { done(); reject(new Error('cluster metrics: the primary did not answer')); }, REPLY_TIMEOUT_MS);
    const done = () => { clearTimeout(timer); process.off('message', onMessage); };
    process.on('message', onMessage);
    process.send!({ type: METRICS_REQUEST, id } satisfies MetricsRequest);
  });
}
