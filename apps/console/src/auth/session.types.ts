import type { MeResponse } from '@ai-router/contracts';

export type { LoginResponse } from '@ai-router/contracts';
export type SessionUser = MeResponse;
export type OrgMembership = MeResponse['orgs'][number];
