import type { ModelView, ProviderAccountView } from '@ai-router/contracts';

/** A thin /api client for tests: fails loudly on unexpected statuses. */
export class AdminClient {
  constructor(private readonly url: string, private readonly token: string) {}

  async call<T>(method: string, path: string, body?: unknown, expected = [200, 201, 204]): Promise<T> {
    const res = await this.raw(method, path, body);
    const text = await res.text();
    if (!expected.includes(res.status)) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  raw(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  createProvider(orgId: string, input: { name: string; kind: string; baseUrl: string; apiKey?: string }): Promise<ProviderAccountView> {
    return this.call('POST', `/api/orgs/${orgId}/provider-accounts`, { apiKey: 'test-key', ...input });
  }

  createModel(orgId: string, name: string, deployments: { providerAccountId: string; upstreamModel: string; priority?: number; weight?: number }[]): Promise<ModelView> {
    return this.call('POST', `/api/orgs/${orgId}/models`, { name, deployments });
  }

  async createApiKey(orgId: string, name = 'test'): Promise<string> {
    return (await this.call<{ secret: string }>('POST', `/api/orgs/${orgId}/api-keys`, { name })).secret;
  }
}
