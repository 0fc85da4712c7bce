import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SLA_SUBJECT_KINDS, type SlaSubjectStats } from '@ai-router/contracts';
import type { DataSource } from 'typeorm';
import { UsageQueriesRepository } from '../usage-queries.repository';
import { availability, errorBudget, percentiles, SLICE_MS, successRate, targetMet } from './sla-math';

/** Service levels of every subject of an org over a range: the org, its providers, deployments and models. */
@Injectable()
export class SlaStatsService {
  constructor(private readonly usage: UsageQueriesRepository, @InjectDataSource() private readonly db: DataSource) {}

  async compute(orgId: string, from: Date, to: Date, targetPpm: number): Promise<SlaSubjectStats[]> {
    const totalSlices = Math.ceil((to.getTime() - from.getTime()) / SLICE_MS);
    const names = await this.names(orgId);
    const stats: SlaSubjectStats[] = [];
    for (const kind of SLA_SUBJECT_KINDS) {
      const histograms = new Map<string, { latency: Map<number, number>; ttft: Map<number, number> }>();
      for (const row of await this.usage.histograms(orgId, kind, from, to)) {
        const h = histograms.get(row.subject) ?? { latency: new Map(), ttft: new Map() };
        h[row.metric].set(row.bucket, row.n);
        histograms.set(row.subject, h);
      }
      for (const c of await this.usage.outcomes(orgId, kind, from, to, SLICE_MS)) {
        const h = histograms.get(c.subject);
        stats.push({
          kind, id: c.subject, name: names.get(`${kind}:${c.subject}`) ?? c.subject,
          requests: c.requests, successes: c.successes, providerFailures: c.failures, clientErrors: c.requests - c.successes - c.failures,
          successRate: successRate(c.successes, c.failures),
          availability: availability(c.badSlices, totalSlices), badSlices: c.badSlices, totalSlices,
          latencyMs: percentiles(h?.latency ?? new Map()), ttftMs: percentiles(h?.ttft ?? new Map()),
          errorBudget: errorBudget(c.successes + c.failures, c.failures, targetPpm),
          targetMet: targetMet(c.successes, c.failures, targetPpm),
        });
      }
    }
    return stats;
  }

  /** Display names by `kind:id`, scoped to the org; removed providers and deployments keep their id. */
  private async names(orgId: string): Promise<Map<string, string>> {
    const rows: { key: string; name: string }[] = await this.db.query(
      `SELECT 'org:all' AS key, name FROM orgs WHERE id = $1
       UNION ALL SELECT 'provider:' || id::text, name FROM provider_accounts WHERE org_id = $1
       UNION ALL SELECT 'deployment:' || d.id::text, m.name || ' via ' || p.name || ' (' || d.upstream_model || ')'
                   FROM deployments d JOIN models m ON m.id = d.model_id JOIN provider_accounts p ON p.id = d.provider_account_id
                  WHERE m.org_id = $1`,
      [orgId],
    );
    return new Map(rows.map((r) => [r.key, r.name]));
  }
}
