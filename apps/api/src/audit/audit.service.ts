import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, type Repository } from 'typeorm';
import type { AuditEntryView } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { AuditEntry } from './audit-entry.entity';
import { redactSecrets } from './redact';

export interface AuditRecord {
  orgId: string | null;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetId: string | null;
  ip: string | null;
  status: number;
  details: unknown;
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async record(record: AuditRecord): Promise<void> {
    const entry = this.entries.create({ ...record, details: (redactSecrets(record.details ?? {}) ?? {}) as Record<string, unknown> });
    await this.entries.save(entry);
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  async list(actor: OrgActor, limit: number, before?: string): Promise<AuditEntryView[]> {
    const entries = await this.entries.find({
      where: { orgId: actor.orgId, ...(before && /^\d+$/.test(before) ? { id: LessThan(before) } : {}) },
      order: { id: 'DESC' },
      take: Math.min(Math.max(limit, 1), 200),
    });
    return entries.map((e) => ({
      id: String(e.id), actorEmail: e.actorEmail, action: e.action, targetId: e.targetId, ip: e.ip, status: e.status,
      details: e.details, createdAt: e.createdAt.toISOString(),
    }));
  }
}
