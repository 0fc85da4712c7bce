import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { UsageDeadLetter } from '@ai-router/contracts';
import { DataSource } from 'typeorm';

/** Newest first; a page is enough to see what went wrong, the table holds them all. */
const LIST_LIMIT = 100;

/** Reads the usage records the writer set aside (usage-recorder.service.ts). */
@Injectable()
export class UsageDeadLettersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<UsageDeadLetter[]> {
    const rows = (await this.db.query(
      'SELECT request_id, org_id, error, created_at, record FROM usage_dead_letters ORDER BY created_at DESC, request_id LIMIT $1',
      [LIST_LIMIT],
    )) as { request_id: string; org_id: string | null; error: string; created_at: Date | string; record: Record<string, unknown> }[];
    return rows.map((r) => ({
      requestId: r.request_id, orgId: r.org_id, error: r.error, createdAt: new Date(r.created_at).toISOString(), record: r.record,
    }));
  }
}
