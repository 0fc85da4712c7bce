import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';
import type { CreateQuota, QuotaMetric, QuotaView, UpdateQuota } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { formatDollars, parseDollars } from '../billing/money';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { definedFields } from '../common/defined-fields';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { ApiKey } from '../keys/api-key.entity';
import { Membership } from '../orgs/membership.entity';
import { QuotaCountersService } from './quota-counters.service';
import { QuotaPolicy } from './quota-policy.entity';

/**
 * Quota policies per org: CRUD for admins, and a per-org cache for the request path, dropped on every
 * instance when an org's policies change.
 */
@Injectable()
export class QuotaPoliciesService implements OnModuleDestroy {
  private readonly cache = new LRUCache<string, QuotaPolicy[]>({ max: 10_000, ttl: 60_000 });
  private readonly unsubscribe: () => void;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: ClusterEventsService,
    private readonly counters: QuotaCountersService,
  ) {
    this.unsubscribe = events.subscribe((event) => {
      if (event.type === 'quotas.changed') this.cache.delete(event.orgId);
    });
  }

  /** The org's policies for the request path (cached). */
  async forOrg(orgId: string): Promise<QuotaPolicy[]> {
    const cached = this.cache.get(orgId);
    if (cached) return cached;
    const policies = await this.db.getRepository(QuotaPolicy).find({ where: { orgId }, order: { createdAt: 'ASC' } });
    this.cache.set(orgId, policies);
    return policies;
  }

  async list(actor: OrgActor): Promise<QuotaView[]> {
    const policies = await this.db.getRepository(QuotaPolicy).find({ where: { orgId: actor.orgId }, order: { createdAt: 'ASC' } });
    return this.views(policies);
  }

  async get(actor: OrgActor, id: string): Promise<QuotaView> {
    return (await this.views([await this.find(actor, id)]))[0]!;
  }

  async create(actor: OrgActor, input: CreateQuota): Promise<QuotaView> {
    await this.assertSubject(actor.orgId, input.scope, input.subjectId ?? null);
    const policy = this.db.getRepository(QuotaPolicy).create({
      id: randomUUID(), orgId: actor.orgId, name: input.name, scope: input.scope, subjectId: input.subjectId ?? null,
      metric: input.metric, period: input.period, limitValue: limitValue(input.metric, input.limit).toString(),
      thresholds: normalise(input.thresholds), hard: input.hard,
    });
    await this.db.getRepository(QuotaPolicy).insert(policy);
    await this.changed(actor.orgId);
    return this.get(actor, policy.id);
  }

  async update(actor: OrgActor, id: string, input: UpdateQuota): Promise<QuotaView> {
    const policy = await this.find(actor, id);
    await this.db.getRepository(QuotaPolicy).update({ id }, {
      ...definedFields({ name: input.name, period: input.period, hard: input.hard }),
      ...(input.limit !== undefined && { limitValue: limitValue(policy.metric, input.limit).toString() }),
      ...(input.thresholds !== undefined && { thresholds: normalise(input.thresholds) }),
    });
    await this.changed(actor.orgId);
    return this.get(actor, id);
  }

  async remove(actor: OrgActor, id: string): Promise<void> {
    await this.find(actor, id);
    await this.db.getRepository(QuotaPolicy).delete({ id });
    await this.changed(actor.orgId);
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }

  private async views(policies: QuotaPolicy[]): Promise<QuotaView[]> {
    const now = Date.now();
    const states = await this.counters.current(policies, now);
    return policies.map((p, i) => {
      const state = states[i]!;
      const show = (v: bigint) => (p.metric === 'cost' ? formatDollars(v) : v.toString());
      return {
        id: p.id, name: p.name, scope: p.scope, subjectId: p.subjectId, metric: p.metric, period: p.period,
        limit: show(BigInt(p.limitValue)), thresholds: p.thresholds, hard: p.hard,
        current: {
          used: show(state.used), reserved: show(state.reserved),
          windowStart: new Date(state.window.start).toISOString(), resetsAt: new Date(state.window.end).toISOString(),
        },
        createdAt: p.createdAt.toISOString(),
      };
    });
  }

  private async find(actor: OrgActor, id: string): Promise<QuotaPolicy> {
    const policy = isUuid(id) ? await this.db.getRepository(QuotaPolicy).findOneBy({ id, orgId: actor.orgId }) : null;
    if (!policy) throw AppException.notFound('quota');
    return policy;
  }

  /** A key quota names a key of this org, a user quota one of its members. */
  private async assertSubject(orgId: string, scope: QuotaPolicy['scope'], subjectId: string | null): Promise<void> {
    if (scope === 'org' || !subjectId) return;
    const exists = scope === 'key'
      ? await this.db.getRepository(ApiKey).existsBy({ id: subjectId, orgId })
      : await this.db.getRepository(Membership).existsBy({ userId: subjectId, orgId });
    if (!exists) {
      throw new AppException(AppErrorCode.ValidationFailed, `no ${scope === 'key' ? 'API key' : 'member'} with this id in the org`, { param: 'subjectId' });
    }
  }

  private async changed(orgId: string): Promise<void> {
    await this.events.publish({ type: 'quotas.changed', orgId });
  }
}

/** Counts are whole numbers; cost is dollars, kept as nano-dollars. */
function limitValue(metric: QuotaMetric, limit: string): bigint {
  const value = metric === 'cost' ? parseDollars(limit) : BigInt(limit);
  if (value <= 0n) throw new AppException(AppErrorCode.ValidationFailed, 'the limit must be above zero', { param: 'limit' });
  return value;
}

function normalise(thresholds: number[]): number[] {
  return [...new Set(thresholds)].sort((a, b) => a - b);
}
