import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { QuotaMetric } from '@ai-router/contracts';
import { formatDollars } from '../billing/money';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { LOGGER } from '../common/logger.module';
import { NotificationsService } from '../notifications/notifications.service';
import { type PolicyCounter, QuotaCountersService } from './quota-counters.service';
import { QuotaPoliciesService } from './quota-policies.service';
import type { QuotaPolicy } from './quota-policy.entity';

/** Who is calling: quotas apply to the org, the key and the key's user. */
export interface QuotaSubject {
  orgId: string;
  keyId: string;
  userId: string | null;
}

/** What one request may at most consume (reserved up front) or did consume (settled after). */
export interface QuotaAmounts {
  requests: number;
  tokens: number;
  cost: bigint;
}

export interface QuotaReservation {
  /** Replaces the reservation by what the request consumed; once. */
  settle(consumed: QuotaAmounts): void;
}

/** What a request under no quota reserves. */
export const NOTHING_RESERVED: QuotaReservation = { settle: () => undefined };

/**
 * Period quotas and budgets on the request path: the worst case of a request is reserved on every
 * applicable counter at once (refused, without taking anything, when a hard one would pass its limit),
 * and settled to the actual amounts when the request ends. Crossing a soft threshold notifies the org
 * once per window (the event id names policy, window and threshold).
 */
@Injectable()
export class QuotaEnforcerService {
  constructor(
    private readonly policies: QuotaPoliciesService,
    private readonly counters: QuotaCountersService,
    private readonly notifications: NotificationsService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** The policies counting this caller. */
  async applicable(subject: QuotaSubject): Promise<QuotaPolicy[]> {
    const all = await this.policies.forOrg(subject.orgId);
    return all.filter((p) => p.scope === 'org' || (p.scope === 'key' && p.subjectId === subject.keyId) || (p.scope === 'user' && p.subjectId === subject.userId));
  }

  /** Whether the request's output must be bounded for a hard token or cost quota to hold exactly. */
  static boundsOutput(policies: QuotaPolicy[]): boolean {
    return policies.some((p) => p.hard && p.metric !== 'requests');
  }

  async reserve(policies: QuotaPolicy[], worstCase: QuotaAmounts): Promise<QuotaReservation> {
    if (!policies.length) return NOTHING_RESERVED;
    const now = Date.now();
    const counters = policies.map((p) => this.counters.counterOf(p, now));
    const reserved = counters.map((c) => amountOf(c.policy.metric, worstCase));
    const result = await this.counters.take(counters, reserved);
    if (!result.admitted) {
      const counter = counters[result.index]!;
      if (counter.policy.thresholds.includes(100)) this.notify(counter, 100, BigInt(counter.policy.limitValue));
      throw exhausted(counter, now);
    }
    let settled = false;
    return {
      settle: (consumed) => {
        if (settled) return;
        settled = true;
        const actual = counters.map((c) => amountOf(c.policy.metric, consumed));
        this.counters.settle(counters, reserved, actual)
          .then((usedAfter) => counters.forEach((c, i) => this.crossed(c, usedAfter[i]! - actual[i]!, usedAfter[i]!)))
          .catch((err: Error) => this.logger.error({ err: err.message }, 'quota settlement failed'));
      },
    };
  }

  private crossed(counter: PolicyCounter, before: bigint, after: bigint): void {
    const limit = BigInt(counter.policy.limitValue);
    for (const percent of counter.policy.thresholds) {
      const line = (limit * BigInt(percent) + 99n) / 100n;
      if (before < line && after >= line) this.notify(counter, percent, after);
    }
  }

  private notify({ policy, window }: PolicyCounter, percent: number, used: bigint): void {
    const show = (v: bigint) => (policy.metric === 'cost' ? `$${formatDollars(v)}` : `${v} ${policy.metric}`);
    const resetsAt = new Date(window.end).toISOString();
    this.notifications.notify(policy.orgId, {
      id: `quota.${policy.id}.${window.start}.${percent}`,
      type: 'budget.threshold',
      title: `${policy.metric === 'cost' ? 'Budget' : 'Quota'} "${policy.name}" reached ${percent}%`,
      body: `${show(used)} of ${show(BigInt(policy.limitValue))} used this ${policy.period}; it resets at ${resetsAt}.`,
      data: {
        quotaId: policy.id, name: policy.name, scope: policy.scope, subjectId: policy.subjectId, metric: policy.metric, period: policy.period,
        percent, used: used.toString(), limit: policy.limitValue, resetsAt,
      },
    }).catch((err: Error) => this.logger.error({ err: err.message, quotaId: policy.id }, 'quota threshold notification failed'));
  }
}

function amountOf(metric: QuotaMetric, amounts: QuotaAmounts): bigint {
  if (metric === 'cost') return amounts.cost;
  return BigInt(metric === 'requests' ? amounts.requests : amounts.tokens);
}

/** 429 insufficient_quota, as OpenAI answers an exhausted quota, with the reset time to retry at. */
function exhausted({ policy, window }: PolicyCounter, now: number): AppException {
  const what = policy.metric === 'cost' ? 'budget' : `${policy.metric} quota`;
  const per = { minute: 'per-minute', hour: 'hourly', day: 'daily', week: 'weekly', month: 'monthly' }[policy.period];
  return new AppException(
    AppErrorCode.InsufficientQuota,
    `You exceeded your current quota: the ${per} ${what} "${policy.name}" cannot cover this request. It resets at ${new Date(window.end).toISOString()}.`,
    { retryAfterSeconds: Math.max(1, Math.ceil((window.end - now) / 1000)) },
  );
}
