import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { ChangeRole, CreateOrg, MemberView, OrgView, UpdateOrg } from '@ai-router/contracts';
import type { AuthUser, OrgActor } from '../auth/auth-user';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { definedFields } from '../common/defined-fields';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { piiConfigProblems } from '../pii/pii-masker';
import { User } from '../users/user.entity';
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
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly events: ClusterEventsService) {}

  /** Orgs are tenants: only the platform owner creates them, and becomes their first admin. */
  async createFor(user: AuthUser, input: CreateOrg): Promise<OrgView> {
    if (!user.isPlatformOwner) throw new AppException(AppErrorCode.Forbidden, 'only the platform owner creates orgs');
    return orgView(await this.create(input.name, input.slug ?? slugify(input.name), user.id));
  }

  async create(name: string, slug: string, adminId: string): Promise<Org> {
    return this.db.transaction(async (tx) => {
      if (await tx.existsBy(Org, { slug })) {
        throw new AppException(AppErrorCode.Conflict, `an org with the slug "${slug}" exists`, { param: 'slug' });
      }
      const org = tx.create(Org, { id: randomUUID(), name, slug });
      await tx.insert(Org, org);
      await tx.insert(Membership, { orgId: org.id, userId: adminId, role: 'admin' });
      return org;
    });
  }

  findBySlug(slug: string): Promise<Org | null> {
    return this.db.getRepository(Org).findOneBy({ slug });
  }

  async get(actor: OrgActor): Promise<OrgView> {
    return orgView(await this.db.getRepository(Org).findOneByOrFail({ id: actor.orgId }));
  }

  async update(actor: OrgActor, input: UpdateOrg): Promise<OrgView> {
    const problems = input.pii ? piiConfigProblems(input.pii) : [];
    if (problems.length) throw new AppException(AppErrorCode.ValidationFailed, problems.join('; '), { param: 'pii' });
    if (Object.values(input).some((v) => v !== undefined)) {
      await this.db.getRepository(Org).update({ id: actor.orgId }, definedFields(input));
      await this.events.publish({ type: 'routing.changed', orgId: actor.orgId });
    }
    return this.get(actor);
  }

  /** Orgs the caller belongs to; a platform owner sees every org as admin. */
  async listFor(user: AuthUser): Promise<OrgWithRole[]> {
    if (user.isPlatformOwner) {
      const orgs = await this.db.getRepository(Org).find({ order: { createdAt: 'ASC' } });
      return orgs.map((o) => ({ id: o.id, name: o.name, slug: o.slug, role: 'admin' }));
    }
    return this.db.getRepository(Org).createQueryBuilder('o')
      .innerJoin(Membership, 'm', 'm.org_id = o.id')
      .where('m.user_id = :userId', { userId: user.id })
      .select(['o.id AS id', 'o.name AS name', 'o.slug AS slug', 'm.role AS role'])
      .orderBy('o.created_at', 'ASC')
      .getRawMany<OrgWithRole>();
  }

  async members(actor: OrgActor): Promise<MemberView[]> {
    const rows = await this.db.getRepository(Membership).createQueryBuilder('m')
      .innerJoin(User, 'u', 'u.id = m.user_id')
      .where('m.org_id = :orgId', { orgId: actor.orgId })
      .select(['u.id AS "userId"', 'u.email AS email', 'u.name AS name', 'm.role AS role', 'm.created_at AS "joinedAt"'])
      .orderBy('m.created_at', 'ASC')
      .getRawMany<MemberView & { joinedAt: Date | string }>();
    return rows.map((r) => ({ ...r, joinedAt: new Date(r.joinedAt).toISOString() }));
  }

  async changeRole(actor: OrgActor, userId: string, input: ChangeRole): Promise<MemberView> {
    await this.db.transaction(async (tx) => {
      const membership = await this.membership(tx, actor.orgId, userId);
      if (membership.role === 'admin' && input.role !== 'admin') await this.assertAnotherAdmin(tx, actor.orgId, userId);
      await tx.update(Membership, { orgId: actor.orgId, userId }, { role: input.role });
    });
    return (await this.members(actor)).find((m) => m.userId === userId)!;
  }

  async removeMember(actor: OrgActor, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const membership = await this.membership(tx, actor.orgId, userId);
      if (membership.role === 'admin') await this.assertAnotherAdmin(tx, actor.orgId, userId);
      await tx.delete(Membership, { orgId: actor.orgId, userId });
    });
  }

  private async membership(tx: EntityManager, orgId: string, userId: string): Promise<Membership> {
    const membership = isUuid(userId) ? await tx.findOneBy(Membership, { orgId, userId }) : null;
    if (!membership) throw AppException.notFound('member');
    return membership;
  }

  /** An org always keeps an admin; row locks make two concurrent demotions see each other. */
  private async assertAnotherAdmin(tx: EntityManager, orgId: string, leavingUserId: string): Promise<void> {
    const admins = await tx.getRepository(Membership).createQueryBuilder('m').setLock('pessimistic_write')
      .where('m.org_id = :orgId AND m.role = :role', { orgId, role: 'admin' }).getMany();
    if (!admins.some((a) => a.userId !== leavingUserId)) {
      throw new AppException(AppErrorCode.Conflict, 'an org needs at least one admin');
    }
  }
}

function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || `org-${randomUUID().slice(0, 8)}`;
}

function orgView(o: Org): OrgView {
  return { id: o.id, name: o.name, slug: o.slug, routing: o.routing ?? null, limits: o.limits ?? {}, ipLimits: o.ipLimits ?? {}, userLimits: o.userLimits ?? {}, pii: o.pii ?? null, requestLogging: o.requestLogging ?? null, createdAt: o.createdAt.toISOString() };
}
