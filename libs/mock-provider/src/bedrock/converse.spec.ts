import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, post, sigv4Headers } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const MODEL = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const url = (action = 'converse', model = MODEL) => `${mock.url}/model/${encodeURIComponent(model)}/${action}`;
const ask = (text: string, extra: Record<string, unknown> = {}) => ({ messages: [{ role: 'user', content: [{ text }] }], ...extra });
const converse = (body: unknown, headers: Record<string, string> = sigv4Headers()) => post(url(), body, headers);

const weather = {
  toolSpec: {
    name: 'get_weather',
    description: 'Weather for a city',
    inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
  },
};

describe('POST /model/{modelId}/converse', () => {
  it('answers a ConverseResponse with usage and metrics', async () => {
    const res = await converse(ask('Hello there', { system: [{ text: 'Be brief' }] }));
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      output: { message: { role: 'assistant', content: [{ text: 'Mock reply to: Hello there' }] } },
      stopReason: 'end_turn',
      // (ceil(11/4) + 3) message + ceil(8/4) system; ceil(26/4) output
      usage: { inputTokens: 8, outputTokens: 7, totalTokens: 15 },
      metrics: { latencyMs: expect.any(Number) },
    });
  });

  it('accepts an unescaped model id and an escaped ARN', async () => {
    expect((await post(`${mock.url}/model/${MODEL}/converse`, ask('Hi'), sigv4Headers())).status).toBe(200);
    const arn = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0';
    expect((await post(url('converse', arn), ask('Hi'), sigv4Headers())).status).toBe(200);
  });

  it('splits the prompt into cache reads, writes and uncached input on directive', async () => {
    const prompt = 'x'.repeat(100) + ' [[mock:{"cachedTokens":10,"cacheWriteTokens":5}]]';
    const body = await json(converse(ask(prompt)));
    const total = Math.ceil(prompt.length / 4) + 3;
    expect(body.usage).toEqual({
      inputTokens: total - 15,
      outputTokens: body.usage.outputTokens,
      totalTokens: total + body.usage.outputTokens,
      cacheReadInputTokens: 10,
      cacheWriteInputTokens: 5,
    });
  });

  it('stops at maxTokens, or early with the finishReason directive as stopReason', async () => {
    const cut = await json(converse(ask('A question long enough', { inferenceConfig: { maxTokens: 2 } })));
    expect(cut).toMatchObject({ output: { message: { content: [{ text: 'Mock rep' }] } }, stopReason: 'max_tokens' });
    const filtered = await json(converse(ask('One two three four [[mock:{"finishReason":"guardrail_intervened"}]]')));
    expect(filtered.stopReason).toBe('guardrail_intervened');
    expect(filtered.output.message.content[0].text.length).toBeLessThan('Mock reply to: One two three four'.length);
  });

  it('rejects invalid requests with a ValidationException', async () => {
    const res = await converse({ messages: [] });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(await json(res)).toEqual({ message: expect.stringContaining('messages') });
    expect((await converse({ messages: [{ role: 'assistant', content: [{ text: 'x' }] }] })).status).toBe(400);
    expect((await converse(ask('Hi', { toolConfig: { tools: [weather], toolChoice: { tool: { name: 'nope' } } } }))).status).toBe(400);
  });
});

describe('tool use', () => {
  it('answers text then toolUse with auto, only toolUse with any or a named tool', async () => {
    const auto = await json(converse(ask('Weather?', { toolConfig: { tools: [weather] } })));
    expect(auto.stopReason).toBe('tool_use');
    expect(auto.output.message.content).toEqual([
      { text: 'Mock call to get_weather.' },
      { toolUse: { toolUseId: expect.stringMatching(/^tooluse_/), name: 'get_weather', input: { city: 'Paris' } } },
    ]);
    for (const toolChoice of [{ any: {} }, { tool: { name: 'get_weather' } }]) {
      const forced = await json(converse(ask('Weather?', { toolConfig: { tools: [weather], toolChoice } })));
      expect(forced.output.message.content.map((block: object) => Object.keys(block)[0])).toEqual(['toolUse']);
    }
  });

  it('answers text after a toolResult with auto', async () => {
    const messages = [
      { role: 'user', content: [{ text: 'Weather?' }] },
      { role: 'assistant', content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'get_weather', input: { city: 'Paris' } } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: 'Sunny' }] } }] },
    ];
    const body = await json(converse({ messages, toolConfig: { tools: [weather] } }));
    expect(body).toMatchObject({ output: { message: { content: [{ text: 'Mock reply.' }] } }, stopReason: 'end_turn' });
  });
});

describe('errors in the Bedrock format', () => {
  it.each([
    [429, 'ThrottlingException'],
    [400, 'ValidationException'],
    [503, 'ServiceUnavailableException'],
    [500, 'InternalServerException'],
    [408, 'ModelTimeoutException'],
    [504, 'ModelTimeoutException'],
  ])('answers %i as %s', async (status, exception) => {
    const res = await converse(ask(`Hi [[mock:{"status":${status}}]]`));
    expect(res.status).toBe(status);
    expect(res.headers.get('x-amzn-errortype')).toBe(exception);
    expect(await json(res)).toEqual({ message: expect.any(String) });
  });

  it('applies the server fault with Retry-After', async () => {
    mock.setFault({ status: 429, retryAfterSeconds: 2 });
    const res = await converse(ask('Hi'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
  });

  it('answers unknown /model paths as ResourceNotFoundException', async () => {
    const res = await post(url('converse-later'), ask('Hi'), sigv4Headers());
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });
});

describe('SigV4-shaped auth', () => {
  it('records the credential scope', async () => {
    await converse(ask('Hi'), sigv4Headers('eu-west-3', '20250607', 'AKIAMOCK'));
    expect(mock.requests[0].sigv4).toEqual({
      accessKeyId: 'AKIAMOCK',
      date: '20250607',
      region: 'eu-west-3',
      service: 'bedrock',
      signedHeaders: ['content-type', 'host', 'x-amz-date'],
    });
  });

  it('answers 403 AccessDeniedException to a missing or malformed signature', async () => {
    const good = sigv4Headers();
    const cases: Record<string, string>[] = [
      {},
      { ...good, authorization: 'Bearer abc' },
      { ...good, authorization: good.authorization.replace('/bedrock/', '/s3/') },
      { ...good, authorization: good.authorization.replace(/Signature=\w+/, 'Signature=abc') },
      { ...good, authorization: good.authorization.replace('content-type;host;', 'content-type;') },
      { authorization: good.authorization },
      { ...good, 'x-amz-date': '20250103T101112Z' },
    ];
    for (const headers of cases) {
      const res = await converse(ask('Hi'), headers);
      expect(res.status).toBe(403);
      expect(res.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
      expect(await json(res)).toEqual({ message: expect.any(String) });
    }
  });

  it('checks the access key id against apiKeys', async () => {
    const secured = await startMockProvider({ apiKeys: ['AKIAGOOD'] });
    const target = `${secured.url}/model/m/converse`;
    expect((await post(target, ask('Hi'), sigv4Headers('us-east-1', '20250102', 'AKIAGOOD'))).status).toBe(200);
    const wrong = await post(target, ask('Hi'), sigv4Headers('us-east-1', '20250102', 'AKIABAD'));
    expect(wrong.status).toBe(403);
    expect(wrong.headers.get('x-amzn-errortype')).toBe('UnrecognizedClientException');
    await secured.close();
  });
});
