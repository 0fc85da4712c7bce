// Shapes of the /api/auth endpoints. They belong in libs/contracts once the API publishes them there.

export interface OrgMembership {
  id: string;
  name: string;
  role: string;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isPlatformOwner: boolean;
  orgs: OrgMembership[];
}

export interface LoginResponse {
  accessToken: string;
  user: Pick<SessionUser, 'id' | 'email' | 'name'>;
}
