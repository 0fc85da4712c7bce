import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { Membership, type OrgRole } from './membership.entity';
import { Org } from './org.entity';

export interface OrgWithRole {
  id: string;
  name: string;
  slug: string;
  role: OrgRole;
}

@Injectable()
export class OrgsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(name: string, slug: string, ownerId: string): Promise<Org> {
    return this.db.transaction(async (tx) => {
      const org = tx.create(Org, { id: randomUUID(), name, slug });
      await tx.insert(Org, org);
      await tx.insert(Membership, { orgId: org.id, userId: ownerId, role: 'admin' });
      return org;
    });
  }

  findBySlug(slug: string): Promise<Org | null> {
    return this.db.getRepository(Org).findOneBy({ slug });
  }

  /** Orgs the caller belongs to; a platform owner sees every org as admin. */
  async listFor(user: AuthUser): Promise<OrgWithRole[]> {
    if (user.isPlatformOwner) {
      const orgs = await this.db.getRepository(Org).find({ order: { createdAt: 'ASC' } });
      return orgs.map((o) => ({ id: o.id, name: o.name, slug: o.slug, role: 'admin' }));
    }
    const rows = await this.db
      .getRepository(Org)
      .createQueryBuilder('o')
      .innerJoin(Membership, 'm', 'm.org_id = o.id')
      .where('m.user_id = :userId', { userId: user.id })
      .select(['o.id AS id', 'o.name AS name', 'o.slug AS slug', 'm.role AS role'])
      .orderBy('o.created_at', 'ASC')
      .getRawMany<OrgWithRole>();
    return rows;
  }
}
