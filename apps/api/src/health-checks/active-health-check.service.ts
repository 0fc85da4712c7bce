import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { getAdapter, type OperationAdapter } from '@ai-router/providers';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Deployment } from '../models/deployment.entity';
import { Model } from '../models/model.entity';
import { ProviderAccount } from '../providers/provider-account.entity';
import { ProviderTargetsService } from '../providers/provider-targets.service';
import { MessageQueueService } from '../queue/message-queue.service';
import { QueueName } from '../queue/message-queue.port';
import { CircuitBreakerService } from '../router/circuit-breaker.service';
import { RoutePlannerService } from '../router/route-planner.service';
import { readBounded } from '../upstream/read-bounded';
import { UpstreamClient } from '../upstream/upstream-client';

const JOB = 'probe-all';
const PROBE_TIMEOUT_MS = 15_000;
const PARALLEL_PROBES = 4;

export interface ProbeResult {
  deploymentId: string;
  ok: boolean;
  status: number | null;
  latencyMs: number;
  at: number;
}

/**
 * Active health checks: a scheduled job sends each deployment a minimal request (one token of chat, or
 * one short embedding) and feeds the outcome to its breaker and routing signals, so a dead provider is
 * noticed before a client's request meets it. Models with `healthCheck: off` are never probed.
 */
@Injectable()
export class ActiveHealthCheckService implements OnApplicationBootstrap {
  private readonly last = new Map<string, ProbeResult>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: MessageQueueService,
    private readonly upstream: UpstreamClient,
    private readonly targets: ProviderTargetsService,
    private readonly breakers: CircuitBreakerService,
    private readonly planner: RoutePlannerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.HEALTH_CHECK_INTERVAL_MS) return;
    if (this.queue.process(QueueName.HealthChecks, () => this.probeAll().then(() => undefined), 1, { onApiInstances: true })) {
      await this.queue.schedule(QueueName.HealthChecks, JOB, this.config.HEALTH_CHECK_INTERVAL_MS);
    }
  }

  lastResult(deploymentId: string): ProbeResult | undefined {
    return this.last.get(deploymentId);
  }

  async probeAll(): Promise<ProbeResult[]> {
    const rows = await this.db.getRepository(Deployment).createQueryBuilder('d')
      .innerJoin(Model, 'm', 'm.id = d.model_id')
      .innerJoin(ProviderAccount, 'a', 'a.id = d.provider_account_id')
      .where("d.enabled AND m.enabled AND a.enabled AND m.health_check <> 'off'")
      .select(['d.id AS "deploymentId"', 'd.upstream_model AS "upstreamModel"', 'm.health_check AS mode', 'a.id AS "accountId"'])
      .getRawMany<{ deploymentId: string; upstreamModel: string; mode: 'chat' | 'embedding'; accountId: string }>();
    const results: ProbeResult[] = [];
    for (let i = 0; i < rows.length; i += PARALLEL_PROBES) {
      results.push(...(await Promise.all(rows.slice(i, i + PARALLEL_PROBES).map((r) => this.probe(r)))));
    }
    return results;
  }

  private async probe(row: { deploymentId: string; upstreamModel: string; mode: 'chat' | 'embedding'; accountId: string }): Promise<ProbeResult> {
    const started = performance.now();
    let status: number | null = null;
    let ok = false;
    try {
      const account = await this.db.getRepository(ProviderAccount).findOneByOrFail({ id: row.accountId });
      const target = await this.targets.firstKeyTarget(account, row.upstreamModel);
      if (target) {
        const adapter = getAdapter(account.kind);
        const op = (row.mode === 'embedding' ? adapter.embedding : adapter.chat) as OperationAdapter<unknown> | undefined;
        const body = row.mode === 'embedding'
          ? { model: row.upstreamModel, input: 'ping' }
          : { model: row.upstreamModel, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] };
        if (op) {
          const response = await this.upstream.send(await op.buildRequest(body, target, { includeStreamUsage: false }), AbortSignal.timeout(PROBE_TIMEOUT_MS));
          status = response.status;
          await readBounded(response.body, 64 * 1024);
          // A refused request (4xx other than 429) says the probe was wrong, not that the provider is down.
          ok = status < 500 && status !== 408;
        }
      }
    } catch (err) {
      this.logger.debug({ deploymentId: row.deploymentId, err: (err as Error).message }, 'health probe failed');
    }
    const latencyMs = Math.round(performance.now() - started);
    if (ok) this.breakers.recordSuccess(row.deploymentId);
    else this.breakers.recordFailure(row.deploymentId);
    this.planner.finished(row.deploymentId, ok, latencyMs, null);
    const result = { deploymentId: row.deploymentId, ok, status, latencyMs, at: Date.now() };
    this.last.set(row.deploymentId, result);
    return result;
  }
}
