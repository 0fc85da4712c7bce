import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull, MoreThan } from 'typeorm';
import type { AcceptedInvite, AcceptInvite, CreatedInvite, CreateInvite, InviteView, TokenPair } from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { AuthService, type ClientInfo } from '../auth/auth.service';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';
import { isUuid } from '../common/ids';
import { NotificationsService } from '../notifications/notifications.service';
import { Membership } from '../orgs/membership.entity';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { Invite } from './invite.entity';

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Invitations by link: the token is shown once to the admin, stored hashed, and single use. */
@Injectable()
export class InvitesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly notifications: NotificationsService,
  ) {}

  async create(actor: OrgActor, input: CreateInvite): Promise<CreatedInvite> {
    const existing = await this.db.getRepository(User).findOneBy({ email: input.email });
    if (existing && (await this.db.getRepository(Membership).existsBy({ orgId: actor.orgId, userId: existing.id }))) {
      throw new AppException(AppErrorCode.Conflict, 'this person is already a member', { param: 'email' });
    }
    const token = randomBytes(32).toString('base64url');
    const invite = this.db.getRepository(Invite).create({
      id: randomUUID(), orgId: actor.orgId, email: input.email, role: input.role, tokenHash: hashToken(token),
      invitedBy: actor.id, expiresAt: new Date(Date.now() + INVITE_TTL_MS), acceptedAt: null, createdAt: new Date(),
    });
    await this.db.getRepository(Invite).insert(invite);
    // The org hears who was invited; the token goes only to the inviter (it is the invitee's credential).
    await this.notifications.notify(actor.orgId, {
      id: `member.invited.${invite.id}`, type: 'member.invited',
      title: `${input.email} was invited as ${input.role}`,
      body: `${actor.email} invited ${input.email} to join as ${input.role}. The invite expires at ${invite.expiresAt.toISOString()}.`,
      data: { inviteId: invite.id, email: input.email, role: input.role, invitedBy: actor.id, expiresAt: invite.expiresAt.toISOString() },
    });
    return { ...inviteView(invite), token, acceptPath: `/invite/${token}` };
  }

  async listPending(actor: OrgActor): Promise<InviteView[]> {
    const invites = await this.db.getRepository(Invite).find({
      where: { orgId: actor.orgId, acceptedAt: IsNull(), expiresAt: MoreThan(new Date()) }, order: { createdAt: 'DESC' },
    });
    return invites.map(inviteView);
  }

  async revoke(actor: OrgActor, id: string): Promise<void> {
    const result = isUuid(id) ? await this.db.getRepository(Invite).delete({ id, orgId: actor.orgId, acceptedAt: IsNull() }) : null;
    if (!result?.affected) throw AppException.notFound('invite');
  }

  /** Joins the invited email's account to the org, creating the account if there is none yet. */
  async accept(input: AcceptInvite, client: ClientInfo): Promise<AcceptedInvite & Partial<TokenPair>> {
    const { invite, user, created } = await this.db.transaction(async (tx) => {
      const invite = await tx.getRepository(Invite).createQueryBuilder('i').setLock('pessimistic_write')
        .where('i.token_hash = :hash AND i.accepted_at IS NULL AND i.expires_at > now()', { hash: hashToken(input.token) }).getOne();
      if (!invite) throw new AppException(AppErrorCode.NotFound, 'this invite is not valid or has expired');
      let user = await tx.findOneBy(User, { email: invite.email });
      const created = !user;
      if (!user) {
        if (!input.name || !input.password) {
          throw new AppException(AppErrorCode.ValidationFailed, 'a name and a password are needed to create the account', { param: input.name ? 'password' : 'name' });
        }
        user = await this.users.create({ email: invite.email, name: input.name, password: input.password }, tx);
      }
      await tx.getRepository(Membership).upsert({ orgId: invite.orgId, userId: user.id, role: invite.role }, ['orgId', 'userId']);
      await tx.update(Invite, { id: invite.id }, { acceptedAt: new Date() });
      return { invite, user, created };
    });
    const result: AcceptedInvite = { orgId: invite.orgId, email: invite.email, accountCreated: created };
    // A new account has just chosen its password: sign it in. Existing accounts sign in as usual.
    return created ? { ...result, ...(await this.auth.startSession(user, client)) } : result;
  }
}

function inviteView(i: Invite): InviteView {
  return { id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() };
}
