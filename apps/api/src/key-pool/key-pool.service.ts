import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { LOGGER } from '../common/logger.module';
import { NotificationsService } from '../notifications/notifications.service';
import { ProviderKey } from '../providers/provider-key.entity';
import type { RouteAccount, RouteProviderKey } from '../router/route.types';

/** How long a key rests after a 429 that named no Retry-After. */
const DEFAULT_COOLDOWN_MS = 10_000;
const MAX_COOLDOWN_MS = 10 * 60_000;
const EWMA_ALPHA = 0.2;
const MINUTE_MS = 60_000;
/** Keys scoring within this share of the best are equals, served round robin. */
const EQUALS_BAND = 0.9;
/** Below this recent success rate (with enough samples) a key is degraded: used only when nothing else is left. */
const DEGRADED_SUCCESS = 0.5;
const MIN_SAMPLES = 5;

export interface KeyStats {
  requests: number;
  errors: number;
  /** Input plus output tokens of the calls this key carried. */
  tokens: number;
  rateLimited: number;
  latencyEwmaMs: number | null;
  /** Recent success rate (EWMA), null before the first outcome. */
  successEwma: number | null;
  cooldownUntil: number | null;
}

interface MinuteWindow {
  startedAt: number;
  requests: number;
  tokens: number;
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
  private readonly windows = new Map<string, MinuteWindow>();
  private readonly unsubscribe: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: ClusterEventsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.unsubscribe = events.subscribe((event) => {
      if (event.type === 'provider-key.cooldown') this.statsOf(event.keyId).cooldownUntil = event.until;
    });
  }

  /**
   * The key for the next call: among keys not resting and under their per-minute limits, healthy keys
   * before degraded ones, the best health score (success rate, latency, limit headroom) wins, and keys
   * within 10% of the best take turns. Null when every key rests or is at its limit.
   */
  pick(account: RouteAccount, now = Date.now()): RouteProviderKey | null {
    const ready = account.keys.filter((k) => (this.stats.get(k.id)?.cooldownUntil ?? 0) <= now && this.headroom(k, now) > 0);
    if (!ready.length) return null;
    const healthy = ready.filter((k) => !this.degraded(k.id));
    const scored = (healthy.length ? healthy : ready).map((key) => ({ key, score: this.score(key, now) }));
    const best = Math.max(...scored.map((s) => s.score));
    const equals = scored.filter((s) => s.score >= best * EQUALS_BAND).map((s) => s.key);
    const cursor = this.cursors.get(account.id) ?? 0;
    this.cursors.set(account.id, (cursor + 1) % Number.MAX_SAFE_INTEGER);
    const chosen = equals[cursor % equals.length]!;
    this.window(chosen.id, now).requests++;
    return chosen;
  }

  /** Seconds until the first of the account's keys is ready again: out of cooldown and under its limits. */
  secondsUntilReady(account: RouteAccount, now = Date.now()): number {
    const readyAt = account.keys.map((k) => {
      const cooldown = this.stats.get(k.id)?.cooldownUntil ?? 0;
      const limitFree = this.headroom(k, now) > 0 ? 0 : this.window(k.id, now).startedAt + MINUTE_MS;
      return Math.max(cooldown, limitFree);
    });
    return Math.max(0, Math.ceil((Math.min(...readyAt) - now) / 1000));
  }

  recordSuccess(keyId: string, latencyMs: number, tokens = 0): void {
    const s = this.statsOf(keyId);
    s.requests++;
    s.latencyEwmaMs = ewma(s.latencyEwmaMs, latencyMs);
    s.successEwma = ewma(s.successEwma, 1);
    s.tokens += tokens;
    this.window(keyId, Date.now()).tokens += tokens;
  }

  recordFailure(keyId: string): void {
    const s = this.statsOf(keyId);
    s.requests++;
    s.errors++;
    s.successEwma = ewma(s.successEwma, 0);
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
    // Not awaited: a notification problem must never hold up the request that met the bad key.
    void this.notifications.notify(orgId, {
      id: `provider_key.disabled.${key.id}.${Date.now()}`, type: 'provider_key.disabled',
      title: `A key of provider "${account.name}" was disabled`,
      body: `${account.name} answered ${status} to one of its keys; the key is out of rotation until an admin re-enables it.`,
      data: { providerAccount: account.name, keyId: key.id, status },
    }).catch((err: Error) => this.logger.error({ keyId: key.id, err: err.message }, 'could not notify about a disabled key'));
  }

  /** Where an enabled key stands in this instance's view (for the metrics scrape). */
  health(keyId: string, now = Date.now()): 'healthy' | 'degraded' | 'cooling_down' {
    if ((this.stats.get(keyId)?.cooldownUntil ?? 0) > now) return 'cooling_down';
    return this.degraded(keyId) ? 'degraded' : 'healthy';
  }

  statsFor(keyId: string): KeyStats {
    return { ...this.statsOf(keyId) };
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private degraded(keyId: string): boolean {
    const s = this.stats.get(keyId);
    return Boolean(s && s.requests >= MIN_SAMPLES && s.successEwma !== null && s.successEwma < DEGRADED_SUCCESS);
  }

  private score(key: RouteProviderKey, now: number): number {
    const s = this.stats.get(key.id);
    const success = s?.successEwma ?? 1;
    const speed = 1 / (1 + (s?.latencyEwmaMs ?? 0) / 1000);
    return success * speed * this.headroom(key, now);
  }

  /** Share of the key's per-minute limits still free (1 without limits). */
  private headroom(key: RouteProviderKey, now: number): number {
    const w = this.window(key.id, now);
    const rpm = key.rpmLimit ? 1 - w.requests / key.rpmLimit : 1;
    const tpm = key.tpmLimit ? 1 - w.tokens / key.tpmLimit : 1;
    return Math.max(0, Math.min(rpm, tpm));
  }

  private window(keyId: string, now: number): MinuteWindow {
    let w = this.windows.get(keyId);
    if (!w || now - w.startedAt >= MINUTE_MS) {
      w = { startedAt: now, requests: 0, tokens: 0 };
      this.windows.set(keyId, w);
    }
    return w;
  }

  private statsOf(keyId: string): KeyStats {
    let s = this.stats.get(keyId);
    if (!s) {
      s = { requests: 0, errors: 0, tokens: 0, rateLimited: 0, latencyEwmaMs: null, successEwma: null, cooldownUntil: null };
      this.stats.set(keyId, s);
    }
    return s;
  }
}

function ewma(previous: number | null, value: number): number {
  return previous === null ? value : previous + EWMA_ALPHA * (value - previous);
}
