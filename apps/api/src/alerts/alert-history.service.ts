import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AlertEventView, AlertRuleDetailView } from '@ai-router/contracts';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import type { ListQuery } from '../notifications/list-query';
import { AlertEvent } from './alert-event.entity';
import { AlertRule } from './alert-rule.entity';
import { AlertRulesService, toRuleView } from './alert-rules.service';

export interface AlertFilter extends ListQuery {
  ruleId?: string;
  /** `firing`: only alerts not yet resolved; `resolved`: only those that were. */
  state?: string;
}

const STATES = ['firing', 'resolved'];

/** Firing history, newest first: the org's alerts page and each rule's detail. */
@Injectable()
export class AlertHistoryService {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly rules: AlertRulesService) {}

  async list(orgId: string, filter: AlertFilter): Promise<AlertEventView[]> {
    if (filter.state !== undefined && !STATES.includes(filter.state)) {
      throw new AppException(AppErrorCode.ValidationFailed, `state must be one of ${STATES.join(', ')}`, { param: 'state' });
    }
    if (filter.ruleId !== undefined && !isUuid(filter.ruleId)) return [];
    const query = this.db.getRepository(AlertEvent).createQueryBuilder('e')
      .innerJoinAndMapOne('e.rule', AlertRule, 'r', 'r.id = e.rule_id')
      .where('e.org_id = :orgId', { orgId });
    if (filter.ruleId) query.andWhere('e.rule_id = :ruleId', { ruleId: filter.ruleId });
    if (filter.state) query.andWhere(filter.state === 'firing' ? 'e.resolved_at IS NULL' : 'e.resolved_at IS NOT NULL');
    if (filter.before) query.andWhere('e.fired_at < :before', { before: filter.before });
    const rows = await query.orderBy('e.firedAt', 'DESC').addOrderBy('e.id', 'DESC').limit(filter.limit).getMany();
    return rows.map((e) => toEventView(e as AlertEvent & { rule: AlertRule }));
  }

  async detail(orgId: string, ruleId: string, history: ListQuery): Promise<AlertRuleDetailView> {
    const rule = await this.rules.find(orgId, ruleId);
    return { ...toRuleView(rule), history: await this.list(orgId, { ...history, ruleId }) };
  }
}

function toEventView(e: AlertEvent & { rule: AlertRule }): AlertEventView {
  return {
    id: e.id, ruleId: e.ruleId, ruleName: e.rule.name, kind: e.rule.kind, firedAt: e.firedAt.toISOString(),
    resolvedAt: e.resolvedAt?.toISOString() ?? null, lastValue: e.lastValue, summary: e.summary,
    notificationsSent: e.notificationsSent, lastNotifiedAt: e.lastNotifiedAt?.toISOString() ?? null,
  };
}
