import { EventEmitter } from 'node:events';
import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { REDIS } from '../redis/redis.module';

export type ClusterEvent =
  /** Models, deployments, provider accounts or keys changed: routing snapshots must reload. */
  | { type: 'routing.changed'; orgId: string }
  /** An org's quota policies changed: enforcers must reload them. */
  | { type: 'quotas.changed'; orgId: string }
  /** An API key changed state: caches must drop it. */
  | { type: 'api-key.changed'; keyHash: string }
  /** Console sessions ended: access tokens naming them stop working. */
  | { type: 'session.revoked'; sessionIds: string[] }
  /** Platform settings changed (private-host allowlist). */
  | { type: 'platform.changed' }
  /** A provider key met a rate limit: no instance uses it before `until` (epoch ms). */
  | { type: 'provider-key.cooldown'; keyId: string; until: number }
  /** A deployment's circuit breaker changed state on some instance. */
  | { type: 'breaker.changed'; deploymentId: string; state: 'open' | 'closed'; until: number };

/**
 * Fans an event out to every instance: Redis pub/sub when configured, in-process otherwise.
 * Local listeners always hear it at once, so the instance that made a change never lags behind.
 */
@Injectable()
export class ClusterEventsService implements OnModuleInit, OnApplicationShutdown {
  private readonly local = new EventEmitter();
  private readonly instanceId = Math.random().toString(36).slice(2);
  private subscriber: Redis | null = null;

  private readonly channel: string;

  constructor(@Inject(REDIS) private readonly redis: Redis | null, @Inject(APP_CONFIG) config: AppConfig) {
    this.channel = `${config.REDIS_PREFIX}:events`;
    this.local.setMaxListeners(50);
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel, raw: string) => {
      const { from, event } = JSON.parse(raw) as { from: string; event: ClusterEvent };
      if (from !== this.instanceId) this.local.emit('event', event);
    });
    await this.subscriber.subscribe(this.channel);
  }

  async publish(event: ClusterEvent): Promise<void> {
    this.local.emit('event', event);
    await this.redis?.publish(this.channel, JSON.stringify({ from: this.instanceId, event }));
  }

  subscribe(listener: (event: ClusterEvent) => void): () => void {
    this.local.on('event', listener);
    return () => this.local.off('event', listener);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit().catch(() => undefined);
  }
}
