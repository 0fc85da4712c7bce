import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { IsNull, Not, type Repository } from 'typeorm';
import { ClusterEventsService } from '../cluster/cluster-events.service';
import { Session } from './session.entity';

const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

export interface IssuedSession {
  session: Session;
  refreshToken: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Console sessions. Access tokens name their session, so revoking a session (logout, password change)
 * ends its access tokens on every instance within the cache TTL or at once via cluster events.
 */
@Injectable()
export class SessionsService implements OnModuleDestroy {
  private readonly active = new LRUCache<string, boolean>({ max: 50_000, ttl: 10_000 });
  private readonly unsubscribe: () => void;

  constructor(@InjectRepository(Session) private readonly sessions: Repository<Session>, private readonly events: ClusterEventsService) {
    this.unsubscribe = events.subscribe((event) => {
      if (event.type === 'session.revoked') for (const id of event.sessionIds) this.active.delete(id);
    });
  }

  async create(userId: string, ip: string | null, userAgent: string | null): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = new Date();
    const session = this.sessions.create({
      id: randomUUID(), userId, refreshTokenHash: hashToken(refreshToken), ip, userAgent: userAgent?.slice(0, 500) ?? null,
      createdAt: now, lastUsedAt: now, expiresAt: new Date(now.getTime() + REFRESH_TTL_MS), revokedAt: null,
    });
    await this.sessions.insert(session);
    return { session, refreshToken };
  }

  /** Exchanges a refresh token for a new one (rotation); an unknown, used or expired token yields null. */
  async rotate(refreshToken: string): Promise<IssuedSession | null> {
    const session = await this.sessions.findOneBy({ refreshTokenHash: hashToken(refreshToken), revokedAt: IsNull() });
    if (!session || session.expiresAt.getTime() <= Date.now()) return null;
    const next = randomBytes(32).toString('base64url');
    // Conditional on the old hash: two concurrent uses of one token cannot both succeed.
    const result = await this.sessions.update(
      { id: session.id, refreshTokenHash: hashToken(refreshToken) },
      { refreshTokenHash: hashToken(next), lastUsedAt: new Date() },
    );
    return result.affected ? { session, refreshToken: next } : null;
  }

  async isActive(sessionId: string): Promise<boolean> {
    const cached = this.active.get(sessionId);
    if (cached !== undefined) return cached;
    const session = await this.sessions.findOneBy({ id: sessionId });
    const active = Boolean(session && !session.revokedAt && session.expiresAt.getTime() > Date.now());
    this.active.set(sessionId, active);
    return active;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.events.publish({ type: 'session.revoked', sessionIds: [sessionId] });
  }

  /** Ends every session of a user but one (after a password change, the one that changed it stays). */
  async revokeOthers(userId: string, keepSessionId: string): Promise<void> {
    const others = await this.sessions.findBy({ userId, revokedAt: IsNull(), id: Not(keepSessionId) });
    if (!others.length) return;
    await this.sessions.update(others.map((s) => s.id), { revokedAt: new Date() });
    await this.events.publish({ type: 'session.revoked', sessionIds: others.map((s) => s.id) });
  }

  onModuleDestroy(): void {
    this.unsubscribe();
  }
}
