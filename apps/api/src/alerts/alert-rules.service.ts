import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull, type Repository } from 'typeorm';
import { alertRuleParamsSchemas, type AlertRuleView, type CreateAlertRule, type UpdateAlertRule } from '@ai-router/contracts';
import { definedFields } from '../common/defined-fields';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { parseFor } from '../common/parse-for';
import { NotificationChannel } from '../notifications/notification-channel.entity';
import { AlertEvent } from './alert-event.entity';
import { AlertRule } from './alert-rule.entity';

/** An org's alert rules: admins write them, members read them. Every query is scoped by org. */
@Injectable()
export class AlertRulesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(orgId: string): Promise<AlertRuleView[]> {
    const rules = await this.repo().find({ where: { orgId }, order: { createdAt: 'ASC' } });
    return rules.map(toRuleView);
  }

  async get(orgId: string, id: string): Promise<AlertRuleView> {
    return toRuleView(await this.find(orgId, id));
  }

  async create(orgId: string, input: CreateAlertRule): Promise<AlertRuleView> {
    await this.assertNameFree(orgId, input.name);
    const channelIds = await this.ownChannels(orgId, input.channelIds);
    const id = randomUUID();
    // save(), not insert(): TypeORM's insert typing rejects a free-form jsonb object.
    await this.repo().save({
      id, orgId, name: input.name, kind: input.kind, params: input.params, forSeconds: input.forSeconds,
      repeatIntervalSeconds: input.repeatIntervalSeconds, channelIds, enabled: input.enabled,
    });
    return this.get(orgId, id);
  }

  async update(orgId: string, id: string, input: UpdateAlertRule): Promise<AlertRuleView> {
    const rule = await this.find(orgId, id);
    if (input.name && input.name !== rule.name) await this.assertNameFree(orgId, input.name);
    const params = input.params && parseFor(alertRuleParamsSchemas[rule.kind], input.params, 'params');
    const channelIds = input.channelIds && await this.ownChannels(orgId, input.channelIds);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(AlertRule).save({
        id,
        ...definedFields({ name: input.name, forSeconds: input.forSeconds, repeatIntervalSeconds: input.repeatIntervalSeconds, enabled: input.enabled }),
        ...(params && { params }), ...(channelIds && { channelIds }),
      });
      if (input.enabled === false) await this.standDown(tx, rule);
    });
    return this.get(orgId, id);
  }

  async remove(orgId: string, id: string): Promise<void> {
    const result = isUuid(id) ? await this.repo().delete({ id, orgId }) : null;
    if (!result?.affected) throw AppException.notFound('alert rule');
  }

  async find(orgId: string, id: string): Promise<AlertRule> {
    const rule = isUuid(id) ? await this.repo().findOneBy({ id, orgId }) : null;
    if (!rule) throw AppException.notFound('alert rule');
    return rule;
  }

  /**
   * A disabled rule stops watching: its firing closes without a resolution notice (nobody fixed
   * anything; an admin turned it off) and it starts from `ok` when enabled again.
   */
  private async standDown(tx: EntityManager, rule: AlertRule): Promise<void> {
    await tx.getRepository(AlertEvent).update({ ruleId: rule.id, resolvedAt: IsNull() }, { resolvedAt: new Date() });
    await tx.createQueryBuilder().update(AlertRule)
      .set({ state: 'ok', pendingSince: null, currentEventId: null, version: () => 'version + 1' })
      .where('id = :id', { id: rule.id })
      .execute();
  }

  /** Channel ids must name this org's channels; a typo would silence the rule. */
  private async ownChannels(orgId: string, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return unique;
    const found = await this.db.getRepository(NotificationChannel).createQueryBuilder('c')
      .select('c.id').where('c.org_id = :orgId AND c.id = ANY(:ids)', { orgId, ids: unique }).getMany();
    const missing = unique.filter((id) => !found.some((c) => c.id === id));
    if (missing.length) throw new AppException(AppErrorCode.ValidationFailed, `no notification channel ${missing[0]} in this org`, { param: 'channelIds' });
    return unique;
  }

  private async assertNameFree(orgId: string, name: string): Promise<void> {
    if (await this.repo().existsBy({ orgId, name })) {
      throw new AppException(AppErrorCode.Conflict, `an alert rule named "${name}" already exists`, { param: 'name' });
    }
  }

  private repo(): Repository<AlertRule> {
    return this.db.getRepository(AlertRule);
  }
}

export function toRuleView(r: AlertRule): AlertRuleView {
  return {
    id: r.id, name: r.name, kind: r.kind, params: r.params, forSeconds: r.forSeconds, repeatIntervalSeconds: r.repeatIntervalSeconds,
    channelIds: r.channelIds, enabled: r.enabled, state: r.state, lastValue: r.lastValue,
    lastEvaluatedAt: r.lastEvaluatedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(),
  };
}
