import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, post, readAll } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;
let base: string;

beforeAll(async () => {
  mock = await startMockProvider();
  base = `${mock.url}/v1beta/models/gemini-2.5-flash`;
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const ask = (text: string, extra: Record<string, unknown> = {}) => ({ contents: [{ role: 'user', parts: [{ text }] }], ...extra });
const generate = (body: unknown, headers: Record<string, string> = {}) => post(`${base}:generateContent`, body, headers);
const stream = (body: unknown, headers: Record<string, string> = {}) => post(`${base}:streamGenerateContent?alt=sse`, body, headers);

/** Gemini frames end with CRLF CRLF; each must be exactly `data: <json>`. */
function frames(text: string): any[] {
  expect(text.endsWith('\r\n\r\n')).toBe(true);
  return text
    .split('\r\n\r\n')
    .slice(0, -1)
    .map((block) => {
      expect(block.startsWith('data: ')).toBe(true);
      return JSON.parse(block.slice(6));
    });
}

const weather = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' }, days: { type: 'INTEGER', minimum: 1 } }, required: ['city', 'days'] },
};
const time = { name: 'get_time', parameters: { type: 'OBJECT', properties: {} } };

describe('POST /v1beta/models/{model}:generateContent', () => {
  it('answers a GenerateContentResponse with deterministic usage', async () => {
    const res = await generate({ ...ask('Hello there'), systemInstruction: { parts: [{ text: 'Be brief' }] } });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      candidates: [{ content: { parts: [{ text: 'Mock reply to: Hello there' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
      // (ceil(11/4) + 3) turn + ceil(8/4) system; ceil(26/4) candidates
      usageMetadata: { promptTokenCount: 8, candidatesTokenCount: 7, totalTokenCount: 15, promptTokensDetails: [{ modality: 'TEXT', tokenCount: 8 }] },
      modelVersion: 'gemini-2.5-flash',
      responseId: expect.any(String),
    });
  });

  it('reports cached and thought tokens on directive, and stops at maxOutputTokens', async () => {
    const prompt = 'x'.repeat(40) + ' [[mock:{"cachedTokens":5,"reasoningTokens":9,"reply":"abcd"}]]';
    const usage = (await json(generate(ask(prompt)))).usageMetadata;
    const promptTokens = Math.ceil(prompt.length / 4) + 3;
    expect(usage).toMatchObject({
      promptTokenCount: promptTokens,
      cachedContentTokenCount: 5,
      candidatesTokenCount: 1,
      thoughtsTokenCount: 9,
      totalTokenCount: promptTokens + 1 + 9,
    });
    const cut = await json(generate(ask('A question long enough', { generationConfig: { maxOutputTokens: 2 } })));
    expect(cut.candidates[0]).toMatchObject({ content: { parts: [{ text: 'Mock rep' }] }, finishReason: 'MAX_TOKENS' });
  });

  it('answers JSON for responseMimeType application/json, following responseSchema', async () => {
    const schema = { type: 'OBJECT', properties: { name: { type: 'STRING' }, age: { type: 'INTEGER', minimum: 18 } }, required: ['name', 'age'] };
    const body = await json(generate(ask('Hi', { generationConfig: { responseMimeType: 'application/json', responseSchema: schema } })));
    expect(JSON.parse(body.candidates[0].content.parts[0].text)).toEqual({ name: 'Ada Lovelace', age: 18 });
  });

  it('rejects invalid requests with a Google INVALID_ARGUMENT error', async () => {
    const res = await generate({ contents: [] });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ error: { code: 400, message: expect.stringContaining('contents'), status: 'INVALID_ARGUMENT' } });
    expect((await generate({ contents: [{ role: 'user', parts: [] }] })).status).toBe(400);
    expect((await generate({ contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] })).status).toBe(400);
    expect((await generate(ask('Hi', { toolConfig: { functionCallingConfig: { mode: 'SOMETIMES' } } }))).status).toBe(400);
  });

  it('answers unknown /v1beta paths with a Google NOT_FOUND error', async () => {
    const res = await post(`${mock.url}/v1beta/models/x:countTokens`, ask('Hi'));
    expect(res.status).toBe(404);
    expect((await json(res)).error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
  });
});

describe('function calling', () => {
  it('calls the first declared function with args from its (upper-case typed) schema', async () => {
    const body = await json(generate(ask('Weather?', { tools: [{ functionDeclarations: [weather, time] }] })));
    expect(body.candidates[0]).toEqual({
      content: { parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris', days: 1 } } }], role: 'model' },
      finishReason: 'STOP',
      index: 0,
    });
  });

  it('honours mode NONE and ANY with allowedFunctionNames', async () => {
    const tools = [{ functionDeclarations: [weather] }, { functionDeclarations: [time] }];
    const none = await json(generate(ask('Hi', { tools, toolConfig: { functionCallingConfig: { mode: 'NONE' } } })));
    expect(none.candidates[0].content.parts).toEqual([{ text: 'Mock reply to: Hi' }]);
    const any = await json(generate(ask('Hi', { tools, toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_time'] } } })));
    expect(any.candidates[0].content.parts).toEqual([{ functionCall: { name: 'get_time', args: {} } }]);
    const unknown = await generate(ask('Hi', { tools, toolConfig: { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['nope'] } } }));
    expect(unknown.status).toBe(400);
  });

  it('answers text after a functionResponse in AUTO mode', async () => {
    const contents = [
      { role: 'user', parts: [{ text: 'Weather?' }] },
      { role: 'model', parts: [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { forecast: 'sunny' } } }] },
    ];
    const body = await json(generate({ contents, tools: [{ functionDeclarations: [weather] }] }));
    expect(body.candidates[0]).toMatchObject({ content: { parts: [{ text: 'Mock reply.' }] }, finishReason: 'STOP' });
  });

  it('streams the functionCall whole in one frame', async () => {
    const res = await stream(ask('Weather?', { tools: [{ functionDeclarations: [weather] }] }));
    const [only, ...rest] = frames(await res.text());
    expect(rest).toEqual([]);
    expect(only.candidates[0]).toMatchObject({ content: { parts: [{ functionCall: { name: 'get_weather' } }] }, finishReason: 'STOP' });
    expect(only.usageMetadata.candidatesTokenCount).toBeGreaterThan(0);
  });
});

describe('streamGenerateContent', () => {
  it('sends SSE frames with the text split across them and finishReason + usage on the last, without [DONE]', async () => {
    const res = await stream(ask('Hello there'));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await res.text();
    expect(text).not.toContain('[DONE]');
    const responses = frames(text);
    expect(responses).toHaveLength(5); // one per word of 'Mock reply to: Hello there'
    expect(responses.map((r) => r.candidates[0].content.parts[0].text).join('')).toBe('Mock reply to: Hello there');
    for (const response of responses.slice(0, -1)) {
      expect(response.candidates[0].finishReason).toBeUndefined();
      expect(response.usageMetadata).toBeUndefined();
      expect(response.candidates[0].content.role).toBe('model');
    }
    expect(responses.at(-1)).toMatchObject({ candidates: [{ finishReason: 'STOP', index: 0 }], usageMetadata: { totalTokenCount: 13 } });
    expect(new Set(responses.map((r) => r.responseId)).size).toBe(1);
  });

  it('answers a JSON array of the same responses without alt=sse', async () => {
    const res = await post(`${base}:streamGenerateContent`, ask('Hello there [[mock:{"chunks":2}]]'));
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = await json(res);
    expect(body).toHaveLength(2);
    expect(body[1].candidates[0].finishReason).toBe('STOP');
  });
});

describe('safety', () => {
  it('blocks the prompt on safetyBlock: promptFeedback, no candidates', async () => {
    const blocked = { promptFeedback: { blockReason: 'SAFETY', safetyRatings: expect.arrayContaining([expect.objectContaining({ blocked: true })]) } };
    const body = await json(generate(ask('Hi [[mock:{"safetyBlock":true}]]')));
    expect(body).toMatchObject(blocked);
    expect(body.candidates).toBeUndefined();
    expect(body.usageMetadata.candidatesTokenCount).toBeUndefined();
    const streamed = frames(await (await stream(ask('Hi'), { 'x-mock-fault': '{"safetyBlock":true}' })).text());
    expect(streamed).toHaveLength(1);
    expect(streamed[0]).toMatchObject(blocked);
  });

  it('stops mid-stream with finishReason SAFETY and blocked ratings', async () => {
    const responses = frames(await (await stream(ask('One two three four five six [[mock:{"finishReason":"SAFETY"}]]'))).text());
    const last = responses.at(-1);
    expect(last.candidates[0]).toMatchObject({ finishReason: 'SAFETY', safetyRatings: expect.arrayContaining([expect.objectContaining({ blocked: true })]) });
    expect(last.candidates[0].content).toBeUndefined();
    const sent = responses.slice(0, -1).map((r) => r.candidates[0].content.parts[0].text).join('');
    expect(sent.length).toBeGreaterThan(0);
    expect('Mock reply to: One two three four five six'.startsWith(sent)).toBe(true);
    expect(sent.length).toBeLessThan('Mock reply to: One two three four five six'.length);
    const whole = await json(generate(ask('One two three four five six [[mock:{"finishReason":"SAFETY"}]]')));
    expect(whole.candidates[0]).toMatchObject({ content: { parts: [{ text: sent }] }, finishReason: 'SAFETY' });
  });
});

describe('faults in the Google format', () => {
  it.each([
    [429, 'RESOURCE_EXHAUSTED'],
    [500, 'INTERNAL'],
    [503, 'UNAVAILABLE'],
  ])('answers %i as %s', async (status, name) => {
    const res = await generate(ask(`Hi [[mock:{"status":${status}}]]`));
    expect(res.status).toBe(status);
    expect(await json(res)).toEqual({ error: { code: status, message: expect.any(String), status: name } });
  });

  it('sets Retry-After and a RetryInfo detail, from setFault too', async () => {
    mock.setFault({ status: 429, retryAfterSeconds: 3 });
    const res = await stream(ask('Hi'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect((await json(res)).error.details).toEqual([{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '3s' }]);
  });

  it('delays by latencyMs', async () => {
    const started = Date.now();
    expect((await generate(ask('Hi'), { 'x-mock-fault': '{"latencyMs":80}' })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });

  it('drops the connection after dropAfterChunks frames', async () => {
    const res = await stream(ask('Hello there friend [[mock:{"dropAfterChunks":2}]]'));
    expect(res.status).toBe(200);
    const { text, error } = await readAll(res);
    expect(error).toBeDefined();
    expect(frames(text)).toHaveLength(2);
    await vi.waitFor(() => expect(mock.requests[0]).toMatchObject({ aborted: false, completed: false }));
  });

  it('ends with a Google error frame after errorAfterChunks, with the status streamErrorStatus picks', async () => {
    const res = await stream(ask('Hello there friend [[mock:{"errorAfterChunks":1}]]'));
    const { text, error } = await readAll(res);
    expect(error).toBeUndefined();
    const responses = frames(text);
    expect(responses).toHaveLength(2);
    expect(responses[1]).toEqual({ error: { code: 500, message: expect.any(String), status: 'INTERNAL' } });
    const overloaded = frames(await (await stream(ask('Hi [[mock:{"errorAfterChunks":1,"streamErrorStatus":503}]]'))).text());
    expect(overloaded[1].error).toMatchObject({ code: 503, status: 'UNAVAILABLE' });
  });
});

describe('auth and recording', () => {
  let secured: MockProvider;
  beforeAll(async () => {
    secured = await startMockProvider({ apiKeys: ['g-key'] });
  });
  afterAll(() => secured.close());

  it('accepts x-goog-api-key or ?key=, and answers others with a 401 UNAUTHENTICATED Google error', async () => {
    const url = `${secured.url}/v1beta/models/gemini-2.0-flash:generateContent`;
    expect((await post(url, ask('Hi'), { 'x-goog-api-key': 'g-key' })).status).toBe(200);
    expect((await post(`${url}?key=g-key`, ask('Hi'))).status).toBe(200);
    const wrong = await post(url, ask('Hi'), { 'x-goog-api-key': 'nope' });
    expect(wrong.status).toBe(401);
    expect((await json(wrong)).error).toMatchObject({ code: 401, status: 'UNAUTHENTICATED', details: [{ reason: 'API_KEY_INVALID' }] });
    expect((await post(url, ask('Hi'))).status).toBe(401);
  });

  it('records the path with its query and the parsed body', async () => {
    await stream(ask('Hi'));
    expect(mock.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      body: ask('Hi'),
      completed: true,
    });
  });
});
