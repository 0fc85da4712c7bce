import type { OrgRole } from '../orgs/membership.entity';

/** The console caller as the JWT strategy resolves it; services take it first. */
export interface AuthUser {
  id: string;
  email: string;
  isPlatformOwner: boolean;
  sessionId: string;
}

/** The caller acting inside one org, with the role the guard resolved (platform owners act as admin). */
export interface OrgActor extends AuthUser {
  orgId: string;
  role: OrgRole;
}

export interface JwtPayload {
  sub: string;
  email: string;
  owner: boolean;
  sid: string;
}
