import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { METRICS_REPLY, METRICS_REQUEST, type MetricsReply, type MetricsRequest } from './cluster-metrics';

/** Sent by the primary: drain and exit (one path for every stop, whatever signal reached whom). */
const STOP_REQUEST = 'ai-router:stop';

/** Set in each forked process: which slot it fills. Slot 0 starts alone and prints the start-up lines. */
const SLOT_ENV = 'AI_ROUTER_HTTP_WORKER';
/** Restart delays for a process that keeps dying: doubling up to the cap, reset once one lives a minute. */
const RESTART_MIN_MS = 500;
const RESTART_MAX_MS = 30_000;
const STABLE_AFTER_MS = 60_000;
/** How long a stopping process may finish its in-flight requests before it is killed. */
const STOP_GRACE_MS = 30_000;

/**
 * The only process, or the cluster's slot 0: it prints the start-up lines and hosts the demo's mock
 * provider, so a cluster seeds the demo once.
 */
export function isFirstGatewayProcess(): boolean {
  return !cluster.isWorker || process.env[SLOT_ENV] === '0';
}

/**
 * In a cluster process: close the app once on SIGTERM, SIGINT or the primary's stop request, then exit.
 * A terminal's Ctrl+C reaches every process of the group and the primary forwards the stop too, so this
 * must be idempotent (Nest's own signal hooks would let the second signal kill a draining process).
 */
export function drainOnStop(close: () => Promise<void>): void {
  let closing: Promise<void> | null = null;
  const stop = () => {
    closing ??= close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('message', (message: { type?: string }) => message?.type === STOP_REQUEST && stop());
}

/**
 * Runs HTTP_WORKERS copies of the gateway on one port with node:cluster, so one instance uses every core
 * (Node runs JavaScript on one thread). Each process is a full instance: they share state only through
 * PostgreSQL and Redis, exactly as separate replicas do. The first starts alone so migrations and the
 * first-run bootstrap happen once; a process that dies is replaced; SIGTERM/SIGINT drain them all.
 * /metrics on any process answers for the whole cluster (the primary gathers every process's registry).
 */
export function superviseHttpWorkers(config: Pick<AppConfig, 'HTTP_WORKERS'>, logger: Logger): void {
  const metrics = new AggregatorRegistry();
  const slots = new Map<Worker, { slot: number; startedAt: number }>();
  const delays = new Map<number, number>();
  let stopping = false;

  const fork = (slot: number): Worker => {
    const worker = cluster.fork({ [SLOT_ENV]: String(slot) });
    slots.set(worker, { slot, startedAt: Date.now() });
    worker.on('message', (message: MetricsRequest) => {
      if (message?.type !== METRICS_REQUEST) return;
      const reply = (body: Omit<MetricsReply, 'type' | 'id'>) => worker.isConnected() && worker.send({ type: METRICS_REPLY, id: message.id, ...body });
      metrics.clusterMetrics().then((text) => reply({ text, contentType: metrics.contentType }), (err: Error) => reply({ error: err.message }));
    });
    return worker;
  };

  cluster.on('exit', (worker, code, signal) => {
    const entry = slots.get(worker);
    slots.delete(worker);
    if (stopping || !entry) return;
    const lived = Date.now() - entry.startedAt;
    const delay = lived >= STABLE_AFTER_MS ? RESTART_MIN_MS : Math.min(RESTART_MAX_MS, (delays.get(entry.slot) ?? RESTART_MIN_MS / 2) * 2);
    delays.set(entry.slot, delay);
    logger.error({ slot: entry.slot, pid: worker.process.pid, code, signal, restartInMs: delay }, 'gateway process exited; replacing it');
    setTimeout(() => !stopping && fork(entry.slot), delay).unref();
  });

  const first = fork(0);
  const failedBeforeListening = (code: number | null) => {
    logger.fatal({ code }, 'the first gateway process exited before listening');
    process.exit(code || 1);
  };
  first.once('exit', failedBeforeListening);
  first.once('listening', () => {
    first.off('exit', failedBeforeListening);
    for (let slot = 1; slot < config.HTTP_WORKERS; slot++) fork(slot);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const running = [...slots.keys()];
    logger.info({ signal, processes: running.length }, 'stopping gateway processes');
    const kill = setTimeout(() => running.forEach((w) => w.process.kill('SIGKILL')), STOP_GRACE_MS).unref();
    Promise.all(running.map((w) => new Promise((done) => (w.isDead() ? done(null) : w.once('exit', done)))))
      .then(() => { clearTimeout(kill); process.exit(0); });
    for (const w of running) {
      if (w.isConnected()) w.send({ type: STOP_REQUEST });
      else w.process.kill('SIGTERM');
    }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
