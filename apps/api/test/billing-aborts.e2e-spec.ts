import { type MockProvider, seededRandom, startMockProvider } from '@ai-router/mock-provider';
import { DataSource } from 'typeorm';
import type { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDollars } from '../src/billing/money';
import { AdminClient } from './support/admin-client';
import {
  chargesByRequest, createBilledOrg, expectedCharge, postChat, type PriceDollars, settledState, topUp, usageRows, wideClient,
} from './support/billing';
import { startTestApp, type TestApp } from './support/test-app';

const PRICE: PriceDollars = { inputPerMillion: '1.000000007', outputPerMillion: '3', perRequest: '0.000000013', outputLimitTokens: 2048 };
const MULTIPLIER_BP = 10_007;
const STREAMS = 200;
const PARALLEL = 50;
const SEED = 20_261_123;
/** 40 content chunks 20 ms apart; clients leave within the first 20 events, well before usage comes. */
const CHUNKS = 40;
const LAST_ABORT_AFTER = 20;

interface Abandoned {
  requestId: string;
  /** Characters of the prompt's text, which the gateway's prompt estimate counts. */
  promptChars: number;
  eventsRead: number;
}

/** Reads SSE events until `leaveAfter` arrived, then drops the connection the way a closed tab does. */
async function abandonStream(url: string, key: string, dispatcher: Agent, content: string, includeUsage: boolean, leaveAfter: number): Promise<Abandoned> {
  const controller = new AbortController();
  const res = await postChat({
    url, key, dispatcher, signal: controller.signal,
    body: { model: 'streamed', stream: true, stream_options: { include_usage: includeUsage }, messages: [{ role: 'user', content }] },
  });
  expect(res.statusCode).toBe(200);
  let events = 0;
  let buffered = '';
  try {
    for await (const chunk of res.body) {
      buffered += String(chunk);
      const frames = buffered.split('\n\n');
      buffered = frames.pop()!;
      events += frames.filter((f) => f.startsWith('data: ')).length;
      if (events >= leaveAfter) {
        controller.abort();
        break;
      }
    }
  } catch (err) {
    if (!controller.signal.aborted) throw err;
  }
  return { requestId: String(res.headers['x-request-id']), promptChars: content.length, eventsRead: events };
}

describe('streams abandoned by their clients are billed once, by the written rule', () => {
  let t: TestApp;
  let admin: AdminClient;
  let mock: MockProvider;
  let dispatcher: Agent;

  beforeAll(async () => {
    t = await startTestApp();
    admin = new AdminClient(t.url, await t.ownerToken());
    mock = await startMockProvider({ port: 0, recordRequests: false });
    dispatcher = wideClient();
  });
  afterAll(async () => {
    await dispatcher?.close();
    await t?.close();
    await mock?.close();
  });

  it(`bills each of ${STREAMS} abandoned streams its prompt estimate and no output, exactly once, and frees every hold`, async () => {
    const { orgId, key } = await createBilledOrg(admin, 'Abandoned streams', MULTIPLIER_BP, [{ name: 'streamed', mockUrl: mock.url, price: PRICE }]);
    const funds = parseDollars('100');
    await topUp(admin, orgId, funds);
    const random = seededRandom(SEED);
    const plans = Array.from({ length: STREAMS }, (_, i) => ({
      content: `[[mock:{"chunks":${CHUNKS},"chunkDelayMs":20}]] stream ${i} ${'lorem ipsum '.repeat(Math.floor(random() * 300))}`,
      includeUsage: random() < 0.5,
      leaveAfter: 1 + Math.floor(random() * LAST_ABORT_AFTER),
    }));

    const abandoned: Abandoned[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: PARALLEL }, async () => {
      while (next < plans.length) {
        const plan = plans[next++]!;
        abandoned.push(await abandonStream(t.url, key, dispatcher, plan.content, plan.includeUsage, plan.leaveAfter));
      }
    }));
    // Every client really left mid-answer (events may arrive together, so a few more than planned is fine).
    expect(abandoned.filter((a) => a.eventsRead < 1 || a.eventsRead >= CHUNKS)).toEqual([]);

    const db = t.app.get(DataSource);
    const after = await settledState(db, orgId, STREAMS);
    const rows = new Map((await usageRows(db, orgId)).map((r) => [r.requestId, r]));
    const charges = await chargesByRequest(db, orgId);
    expect(rows.size).toBe(STREAMS);
    expect(charges.size).toBe(STREAMS);
    let total = 0n;
    for (const stream of abandoned) {
      // The rule: no usage reached the gateway, so the prompt estimate (one token per 4 characters) and no output.
      const expected = expectedCharge(Math.ceil(stream.promptChars / 4), 0, PRICE, MULTIPLIER_BP);
      const row = rows.get(stream.requestId);
      expect(row, stream.requestId).toMatchObject({ status: 499, outputTokens: 0, costNano: expected });
      expect(row!.ttftMs).not.toBeNull();
      expect(charges.get(stream.requestId), stream.requestId).toEqual([expected]);
      total += expected;
    }
    expect(after.leased).toBe(0n);
    expect(after.held).toBe(0n);
    expect(after.charges).toBe(STREAMS);
    expect(after.chargeSum).toBe(-total);
    expect(after.usageCost).toBe(total);
    expect(after.balance).toBe(funds - total);
    expect(after.balance).toBe(after.ledgerSum);
  }, 120_000);
});
