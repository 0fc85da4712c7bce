/** The console caller as the JWT strategy resolves it; services take it first. */
export interface AuthUser {
  id: string;
  email: string;
  isPlatformOwner: boolean;
}

export interface JwtPayload {
  sub: string;
  email: string;
  owner: boolean;
}
