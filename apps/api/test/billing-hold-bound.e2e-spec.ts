import { type MockProvider, startMockProvider } from '@ai-router/mock-provider';
import { DataSource } from 'typeorm';
import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDollars } from '../src/billing/money';
import { AdminClient } from './support/admin-client';
import { chargesByRequest, createBilledOrg, holdsByRequest, postChat, type PriceDollars, settledState, topUp, wideClient } from './support/billing';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The hold placed before the call is the most the request may cost, so a balance that covers the
 * hold can never be overdrawn by the charge. These are the request shapes whose cost the worst case
 * must still bound.
 */
const TOKENS: PriceDollars = { inputPerMillion: '5', outputPerMillion: '10', perRequest: '0', outputLimitTokens: 4096 };
/** Free input, so the prompt's (loose) bound cannot hide an output the hold undercounts. */
const OUTPUT_ONLY: PriceDollars = { inputPerMillion: '0', outputPerMillion: '10', perRequest: '0', outputLimitTokens: 4096 };
/** A nano-dollar per million tokens, cached or not: each priced component of a charge rounds up to one nano-dollar. */
const TINY: PriceDollars = { inputPerMillion: '0.000000001', cachedInputPerMillion: '0.000000001', outputPerMillion: '0', perRequest: '0', outputLimitTokens: 4096 };

const LONG_REPLY = `[[mock:{"reply":"${'word '.repeat(200)}"}]]`;
/** Tool definitions are prompt tokens too: a short message can carry a large tool schema. */
const TOOLS = Array.from({ length: 12 }, (_, i) => ({
  type: 'function',
  function: {
    name: `lookup_record_${i}`,
    description: 'Looks a record up by its identifiers and returns the matching fields.',
    parameters: {
      type: 'object',
      properties: Object.fromEntries(Array.from({ length: 15 }, (_, j) => [`identifier_field_number_${j}`, { type: 'string' }])),
    },
  },
}));

const CASES: { name: string; model: string; body: object }[] = [
  { name: 'tool definitions that outweigh the messages', model: 'tokens', body: { max_tokens: 5, tools: TOOLS, tool_choice: 'none', messages: [{ role: 'user', content: 'hi' }] } },
  { name: 'several choices (n) each up to max_tokens', model: 'output-only', body: { max_tokens: 30, n: 4, messages: [{ role: 'user', content: LONG_REPLY }] } },
  { name: 'a prompt split into cached and uncached tokens, each rounded up', model: 'tiny', body: { max_tokens: 5, messages: [{ role: 'user', content: '[[mock:{"cachedTokens":3}]] a prompt partly served from cache' }] } },
];

describe('a request is never charged more than its hold', () => {
  let t: TestApp;
  let admin: AdminClient;
  let mock: MockProvider;
  let dispatcher: Agent;
  let org: { orgId: string; key: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = new AdminClient(t.url, await t.ownerToken());
    mock = await startMockProvider({ port: 0, recordRequests: false });
    dispatcher = wideClient(8);
    org = await createBilledOrg(admin, 'Hold bound', 10_000, [
      { name: 'tokens', mockUrl: mock.url, price: TOKENS }, { name: 'output-only', mockUrl: mock.url, price: OUTPUT_ONLY },
      { name: 'tiny', mockUrl: mock.url, price: TINY },
    ]);
    await topUp(admin, org.orgId, parseDollars('10'));
  });
  afterAll(async () => {
    await dispatcher?.close();
    await t?.close();
    await mock?.close();
  });

  it.each(CASES)('$name', async ({ model, body }) => {
    const res = await postChat({ url: t.url, key: org.key, dispatcher, body: { model, ...body } });
    expect(res.statusCode, await res.body.text()).toBe(200);
    const requestId = String(res.headers['x-request-id']);
    const db = t.app.get(DataSource);
    await settledState(db, org.orgId, 1);
    const hold = (await holdsByRequest(db, org.orgId)).get(requestId);
    const [charge] = (await chargesByRequest(db, org.orgId)).get(requestId) ?? [];
    expect(charge).toBeGreaterThan(0n);
    expect(hold !== undefined && charge! <= hold, `charged ${charge} against a hold of ${hold}`).toBe(true);
  });
});
