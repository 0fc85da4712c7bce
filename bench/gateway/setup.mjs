// Admin setup through the public API so the bench runs the full path: real API key, org rate limits,
// priced models on the 0 ms and 20 ms mocks, billing on with a balance (holds + settlement).
import { admin } from './http.mjs';

export async function login(base, email, password) {
  return (await admin(base, null, 'POST', '/api/auth/login', { email, password })).accessToken;
}

/** One org with a priced model per mock (name -> port) and an API key; returns the org id and key secret. */
export async function benchOrg(base, tok, name, mocks) {
  const org = await admin(base, tok, 'POST', '/api/orgs', { name });
  for (const [model, port] of Object.entries(mocks)) {
    const acct = await admin(base, tok, 'POST', `/api/orgs/${org.id}/provider-accounts`, { name: `mock-${model}`, kind: 'openai', baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: 'x' });
    const m = await admin(base, tok, 'POST', `/api/orgs/${org.id}/models`, { name: model, deployments: [{ providerAccountId: acct.id, upstreamModel: 'm' }] });
    await admin(base, tok, 'POST', `/api/orgs/${org.id}/models/${m.id}/prices`, { inputPerMillion: '1', outputPerMillion: '2' });
  }
  await admin(base, tok, 'PUT', `/api/orgs/${org.id}/billing/settings`, { enabled: true });
  await admin(base, tok, 'POST', `/api/orgs/${org.id}/billing/top-ups`, { amount: '1000000' });
  await admin(base, tok, 'PATCH', `/api/orgs/${org.id}`, { limits: { rpm: 10_000_000, tpm: 10_000_000_000 } });
  const { secret } = await admin(base, tok, 'POST', `/api/orgs/${org.id}/api-keys`, { name: 'bench' });
  return { orgId: org.id, secret };
}

/**
 * Direct-to-mock, ours, the peer (Portkey pointed at the same mock through its custom-host header) and the
 * floor (floor-proxy.mjs: a bare Fastify + undici pass-through, told the mock by a header).
 */
export function targets({ mockPort, gwPort, peerPort, floorPort, secret, model }) {
  return {
    direct: { port: mockPort, path: '/v1/chat/completions', headers: { authorization: 'Bearer x' }, model: 'm' },
    ours: { port: gwPort, path: '/v1/chat/completions', headers: { authorization: `Bearer ${secret}` }, model },
    peer: { port: peerPort, path: '/v1/chat/completions', model: 'm',
      headers: { authorization: 'Bearer x', 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `http://127.0.0.1:${mockPort}/v1` } },
    floor: { port: floorPort, path: '/v1/chat/completions', model: 'm', headers: { authorization: 'Bearer x', 'x-floor-upstream': `http://127.0.0.1:${mockPort}` } },
  };
}
