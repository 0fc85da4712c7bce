import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Gauge, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { KeyPoolService } from '../key-pool/key-pool.service';
import { CircuitBreakerService } from '../router/circuit-breaker.service';

const BREAKERS = 'ai_router_circuit_breakers';
const PROVIDER_KEYS = 'ai_router_provider_keys';
const KEY_STATES = ['healthy', 'degraded', 'cooling_down', 'disabled'] as const;

/**
 * Breaker states and provider key health, read when Prometheus scrapes. Counts, never ids: breakers by
 * state, keys by provider kind and state. Breakers, cooldowns and degradation are this instance's view;
 * `disabled` comes from the database and is the same on every instance.
 */
@Injectable()
export class RoutingHealthMetricsService implements OnModuleInit {
  constructor(
    private readonly breakers: CircuitBreakerService,
    private readonly keyPool: KeyPoolService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    // The registry is process-wide and an app may be built twice in one process (tests): the newest wins.
    register.removeSingleMetric(BREAKERS);
    register.removeSingleMetric(PROVIDER_KEYS);
    const { breakers, keyPool, db } = this;
    new Gauge({
      name: BREAKERS,
      help: 'Deployments whose circuit breaker is in each state (closed, half-open, open)',
      labelNames: ['state'],
      // Processes of one cluster share breaker state through pub/sub: the cluster view is the highest count, not a sum.
      aggregator: 'max',
      collect() {
        for (const [state, count] of Object.entries(breakers.countByState())) this.set({ state }, count);
      },
    });
    new Gauge({
      name: PROVIDER_KEYS,
      help: 'Provider keys by provider kind and health (healthy, degraded, cooling_down, disabled)',
      labelNames: ['provider_kind', 'state'],
      aggregator: 'max',
      async collect() {
        const rows: { id: string; enabled: boolean; kind: string }[] = await db.query(
          'SELECT k.id, k.enabled, a.kind FROM provider_keys k JOIN provider_accounts a ON a.id = k.provider_account_id',
        ).catch(() => []);
        const now = Date.now();
        const counts = new Map<string, number>();
        for (const row of rows) {
          const at = `${row.kind}\u0000${row.enabled ? keyPool.health(row.id, now) : 'disabled'}`;
          counts.set(at, (counts.get(at) ?? 0) + 1);
        }
        this.reset();
        for (const kind of new Set(rows.map((r) => r.kind))) {
          for (const state of KEY_STATES) this.set({ provider_kind: kind, state }, counts.get(`${kind}\u0000${state}`) ?? 0);
        }
      },
    });
  }
}
