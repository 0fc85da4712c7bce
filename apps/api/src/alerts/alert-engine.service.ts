import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { LOGGER } from '../common/logger.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { NotificationEvent } from '../notifications/notification-event';
import { NotificationsService } from '../notifications/notifications.service';
import { QueueName } from '../queue/message-queue.port';
import { MessageQueueService } from '../queue/message-queue.service';
import type { AlertReading } from './alert-evaluator';
import { AlertEvaluatorRegistry } from './alert-evaluator.registry';
import { AlertEvent } from './alert-event.entity';
import { alertNotice } from './alert-notice';
import { AlertRule } from './alert-rule.entity';
import { nextState, type Transition } from './alert-state-machine';

const JOB = 'evaluate-all';
const PARALLEL_RULES = 4;

/**
 * Evaluates every enabled rule on a scheduled job (one job per interval across the cluster) and moves
 * each rule's state machine. A transition is one conditional update on the rule's version, so when
 * two evaluations race, one wins and the other changes nothing; the notification it decides is
 * written to the rule first and sent after, under an id that makes notify() deliver it once.
 *
 * The job runs on API instances: `provider_down` reads key cooldowns and breakers, which live in
 * the memory of every API instance.
 */
@Injectable()
export class AlertEngineService implements OnApplicationBootstrap {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: MessageQueueService,
    private readonly registry: AlertEvaluatorRegistry,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.ALERT_EVAL_INTERVAL_MS) return;
    if (this.queue.process(QueueName.Alerts, () => this.evaluateAll(), 1, { onApiInstances: true })) {
      await this.queue.schedule(QueueName.Alerts, JOB, this.config.ALERT_EVAL_INTERVAL_MS);
    }
  }

  /** One pass over every enabled rule; a rule that fails is logged and does not hold up the others. */
  async evaluateAll(now = new Date()): Promise<void> {
    const rules = await this.db.getRepository(AlertRule).findBy({ enabled: true });
    for (let i = 0; i < rules.length; i += PARALLEL_RULES) {
      await Promise.all(rules.slice(i, i + PARALLEL_RULES).map((rule) => this.evaluateRule(rule, now).catch((err: Error) => {
        this.logger.error({ ruleId: rule.id, orgId: rule.orgId, kind: rule.kind, err: err.message }, 'alert rule evaluation failed');
      })));
    }
  }

  async evaluateRule(rule: AlertRule, now: Date): Promise<void> {
    // Left by an earlier transition whose notify() failed: send it first, under its own id.
    if (rule.unsentNotification) await this.send(rule, rule.unsentNotification);
    const evaluator = this.registry.for(rule.kind);
    if (!evaluator) throw new Error(`no evaluator for alert kind "${rule.kind}"`);
    const reading = await evaluator.evaluate({ orgId: rule.orgId, params: rule.params as never }, now);
    const firing = rule.currentEventId ? await this.db.getRepository(AlertEvent).findOneBy({ id: rule.currentEventId }) : null;
    const transition = nextState({ ...rule, lastNotifiedAt: firing?.lastNotifiedAt ?? null }, reading.breached, now);
    const notice = await this.db.transaction((tx) => this.apply(tx, rule, firing, transition, reading, now));
    if (notice) await this.send(rule, notice);
  }

  /** Writes the transition if the rule is still at the version read; returns the notification it decided. */
  private async apply(
    tx: EntityManager, rule: AlertRule, firing: AlertEvent | null, t: Transition, reading: AlertReading, now: Date,
  ): Promise<NotificationEvent | null> {
    const alertId = t.action === 'fire' ? randomUUID() : firing?.id ?? null;
    const notice = t.action && alertId ? alertNotice(t.action, {
      ruleId: rule.id, ruleName: rule.name, kind: rule.kind, alertId,
      firedAt: firing?.firedAt ?? now, sent: t.action === 'fire' ? 0 : firing?.notificationsSent ?? 0,
    }, reading, now) : null;
    const claimed = await tx.createQueryBuilder().update(AlertRule)
      .set({
        state: t.state, pendingSince: t.pendingSince, currentEventId: t.state === 'firing' ? alertId : null,
        lastValue: reading.value, lastEvaluatedAt: now, version: () => 'version + 1', unsentNotification: notice,
      })
      .where('id = :id AND version = :version', { id: rule.id, version: rule.version })
      .execute();
    if (!claimed.affected) return null;

    const events = tx.getRepository(AlertEvent);
    if (t.action === 'fire') {
      await events.insert({
        id: alertId!, ruleId: rule.id, orgId: rule.orgId, firedAt: now, lastValue: reading.value, summary: reading.summary, notificationsSent: 1, lastNotifiedAt: now,
      });
    } else if (firing) {
      const resolving = t.action === 'resolve';
      await events.createQueryBuilder().update()
        .set({
          ...(resolving ? { resolvedAt: now } : { lastValue: reading.value, summary: reading.summary }),
          ...(t.action && { notificationsSent: () => 'notifications_sent + 1', lastNotifiedAt: now }),
        })
        .where('id = :id', { id: firing.id })
        .execute();
    }
    return notice;
  }

  /** Hands the notification to notify() (idempotent by its id), then forgets it if it is still the one left to send. */
  private async send(rule: AlertRule, notice: NotificationEvent): Promise<void> {
    await this.notifications.notify(rule.orgId, notice, { channelIds: rule.channelIds });
    await this.db.getRepository(AlertRule).createQueryBuilder().update()
      .set({ unsentNotification: null })
      .where("id = :id AND unsent_notification->>'id' = :noticeId", { id: rule.id, noticeId: notice.id })
      .execute();
  }
}
