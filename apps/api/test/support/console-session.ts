import { AdminClient } from './admin-client';

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  client: AdminClient;
}

export async function signIn(url: string, email: string, password: string): Promise<SignedIn> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string; refreshToken: string };
  return { ...body, client: new AdminClient(url, body.accessToken) };
}

/** Invites `email` with `role` as `admin` and accepts, creating the account; returns its session. */
export async function inviteMember(url: string, admin: AdminClient, orgId: string, email: string, role: string, password = 'member-password-1'): Promise<SignedIn> {
  const invite = await admin.call<{ token: string }>('POST', `/api/orgs/${orgId}/invites`, { email, role });
  const accepted = await fetch(`${url}/api/invites/accept`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: invite.token, name: email.split('@')[0], password }),
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${await accepted.text()}`);
  return signIn(url, email, password);
}
