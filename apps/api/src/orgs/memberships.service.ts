import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isUuid } from '../common/ids';
import { Membership, type OrgRole } from './membership.entity';
import { Org } from './org.entity';

@Injectable()
export class MembershipsService {
  constructor(@InjectRepository(Membership) private readonly memberships: Repository<Membership>) {}

  async roleOf(userId: string, orgId: string): Promise<OrgRole | null> {
    if (!isUuid(orgId)) return null;
    const membership = await this.memberships.findOneBy({ userId, orgId });
    return membership?.role ?? null;
  }

  async orgExists(orgId: string): Promise<boolean> {
    return isUuid(orgId) && (await this.memberships.manager.existsBy(Org, { id: orgId }));
  }

  async add(orgId: string, userId: string, role: OrgRole): Promise<void> {
    await this.memberships.upsert({ orgId, userId, role }, ['orgId', 'userId']);
  }
}
