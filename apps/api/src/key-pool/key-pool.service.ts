import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { LOGGER } from '../common/logger.module';
import { ProviderKey } from '../providers/provider-key.entity';
import type { RouteAccount, RouteProviderKey } from '../router/route.types';

/** How long a key rests after a 429 that named no Retry-After. */
const DEFAULT_COOLDOWN_MS = 10_000;
const MAX_COOLDOWN_MS = 10 * 60_000;
const EWMA_ALPHA = 0.2;

export interface KeyStats {
  requests: number;
  errors: number;
  rateLimited: number;
  latencyEwmaMs: number | null;
  cooldownUntil: number | null;
}

/**
 * The provider key pool: picks which key of an account carries a call and reacts to what keys meet.
 * 429 -> the key cools down (Retry-After honoured) and the next key serves; 401/403 -> the key is
 * disabled and the org's admins see it in the audit log. Cooldowns travel to every instance through
 * cluster events, so no Redis round trip sits on the hot path.
 */
@Injectable()
export class KeyPoolService implements OnModuleDestroy {
  private readonly cursors = new Map<string, number>();
  private readonly stats = new Map<string, KeyStats>();
  private readonly unsubscribe: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: ClusterEventsService,
    private readonly audit: AuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.unsubscribe = events.subscribe((event) => {
      if (event.type === 'provider-key.cooldown') this.statsOf(event.keyId).cooldownUntil = event.until;
    });
  }

  /** A key not cooling down, round robin among them; null when every key rests. */
  pick(account: RouteAccount): RouteProviderKey | null {
    const now = Date.now();
    const ready = account.keys.filter((k) => (this.stats.get(k.id)?.cooldownUntil ?? 0) <= now);
    if (!ready.length) return null;
    const cursor = this.cursors.get(account.id) ?? 0;
    this.cursors.set(account.id, (cursor + 1) % Number.MAX_SAFE_INTEGER);
    return ready[cursor % ready.length]!;
  }

  /** Seconds until the first of the account's keys is ready again (0 if one is ready now). */
  secondsUntilReady(account: RouteAccount): number {
    const now = Date.now();
    const soonest = Math.min(...account.keys.map((k) => this.stats.get(k.id)?.cooldownUntil ?? 0));
    return Math.max(0, Math.ceil((soonest - now) / 1000));
  }

  recordSuccess(keyId: string, latencyMs: number): void {
    const s = this.statsOf(keyId);
    s.requests++;
    s.latencyEwmaMs = s.latencyEwmaMs === null ? latencyMs : s.latencyEwmaMs + EWMA_ALPHA * (latencyMs - s.latencyEwmaMs);
  }

  recordFailure(keyId: string): void {
    const s = this.statsOf(keyId);
    s.requests++;
    s.errors++;
  }

  async cooldown(keyId: string, retryAfterSeconds: number | undefined): Promise<void> {
    const s = this.statsOf(keyId);
    s.requests++;
    s.rateLimited++;
    const ms = Math.min(retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : DEFAULT_COOLDOWN_MS, MAX_COOLDOWN_MS);
    await this.events.publish({ type: 'provider-key.cooldown', keyId, until: Date.now() + ms });
  }

  /** The provider refused the credential itself: stop using it until an admin looks. */
  async disable(account: RouteAccount, key: RouteProviderKey, orgId: string, status: number): Promise<void> {
    this.recordFailure(key.id);
    const result = await this.db.getRepository(ProviderKey).update({ id: key.id, enabled: true }, { enabled: false });
    if (!result.affected) return;
    this.logger.warn({ providerAccount: account.name, keyId: key.id, status }, 'provider key disabled after an authentication failure');
    await this.audit.record({
      orgId, actorId: null, actorEmail: null, action: 'provider_key.disabled', targetId: key.id, ip: null, status,
      details: { providerAccount: account.name, reason: `the provider answered ${status}` },
    });
    await this.events.publish({ type: 'routing.changed', orgId });
  }

  statsFor(keyId: string): KeyStats {
    return { ...this.statsOf(keyId) };
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private statsOf(keyId: string): KeyStats {
    let s = this.stats.get(keyId);
    if (!s) {
      s = { requests: 0, errors: 0, rateLimited: 0, latencyEwmaMs: null, cooldownUntil: null };
      this.stats.set(keyId, s);
    }
    return s;
  }
}
