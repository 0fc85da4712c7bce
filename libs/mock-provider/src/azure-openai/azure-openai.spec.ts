import { AzureOpenAI } from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, json, post, sse } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;

beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const API_VERSION = '2024-10-21';
const deployment = (operation: string, query = `?api-version=${API_VERSION}`) => `${mock.url}/openai/deployments/my-gpt/${operation}${query}`;
const messages = (content: string) => ({ messages: [{ role: 'user', content }] });

describe('POST /openai/deployments/{deployment}/chat/completions', () => {
  it('answers an OpenAI chat completion named after the deployment, with content-filter results', async () => {
    const res = await post(deployment('chat/completions'), messages('Hello there'), { 'api-key': 'k' });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'my-gpt',
      choices: [{ message: { content: 'Mock reply to: Hello there' }, content_filter_results: { hate: { filtered: false, severity: 'safe' } } }],
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: { jailbreak: { filtered: false, detected: false } } }],
    });
  });

  it('opens streams with a choice-less chunk carrying prompt_filter_results', async () => {
    const chunks = dataOf(await sse(await post(deployment('chat/completions'), { ...messages('Hi'), stream: true })));
    expect(chunks[0]).toEqual({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: expect.any(Array) });
    expect(chunks[1]).toMatchObject({ object: 'chat.completion.chunk', model: 'my-gpt' });
    expect(chunks.at(-1)).toBe('[DONE]');
  });

  it('answers 404 without api-version and 400 for a malformed one, as Azure does', async () => {
    const missing = await post(deployment('chat/completions', ''), messages('Hi'));
    expect(missing.status).toBe(404);
    expect(await json(missing)).toEqual({ error: { code: '404', message: 'Resource not found' } });
    expect((await post(deployment('chat/completions', '?api-version=yesterday'), messages('Hi'))).status).toBe(400);
    expect((await post(deployment('chat/completions', '?api-version=2025-04-01-preview'), messages('Hi'))).status).toBe(200);
  });

  it('answers the contentFilter directive with the content_filter 400', async () => {
    const res = await post(deployment('chat/completions'), messages('Hi [[mock:{"contentFilter":true}]]'));
    expect(res.status).toBe(400);
    expect((await json(res)).error).toMatchObject({
      code: 'content_filter',
      param: 'prompt',
      status: 400,
      innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: { hate: { filtered: true, severity: 'high' } } },
    });
  });

  it('answers faults with Retry-After and retry-after-ms, 429 in the Azure shape', async () => {
    mock.setFault({ status: 429, retryAfterSeconds: 2 });
    const res = await post(deployment('chat/completions'), messages('Hi'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('retry-after-ms')).toBe('2000');
    expect(await json(res)).toEqual({ error: { code: '429', message: expect.any(String) } });
    mock.reset();
    const failed = await post(deployment('chat/completions'), messages('Hi'), { 'x-mock-fault': '{"status":500}' });
    expect((await json(failed)).error).toMatchObject({ type: 'server_error' });
  });

  it('works with the AzureOpenAI SDK client, streaming included', async () => {
    const client = new AzureOpenAI({ apiKey: 'k', endpoint: mock.url, apiVersion: API_VERSION, deployment: 'my-gpt', maxRetries: 0 });
    const request = { model: 'ignored', messages: [{ role: 'user' as const, content: 'Hello' }] };
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0].message.content).toBe('Mock reply to: Hello');
    const stream = await client.chat.completions.create({ ...request, stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('Mock reply to: Hello');
    expect(mock.requests[0]).toMatchObject({ path: `/openai/deployments/my-gpt/chat/completions?api-version=${API_VERSION}` });
    expect(mock.requests[0].headers['api-key']).toBe('k');
  });
});

describe('other deployment operations', () => {
  it('serves completions, embeddings and image generations under the deployment', async () => {
    const completion = await json(post(deployment('completions'), { prompt: 'Say hi' }));
    expect(completion).toMatchObject({ object: 'text_completion', model: 'my-gpt', prompt_filter_results: expect.any(Array) });
    const embeddings = await json(post(deployment('embeddings'), { input: 'x', dimensions: 4 }));
    expect(embeddings).toMatchObject({ model: 'my-gpt', data: [{ embedding: expect.any(Array) }] });
    expect(embeddings.prompt_filter_results).toBeUndefined();
    const image = await json(post(deployment('images/generations'), { prompt: 'A fox', response_format: 'b64_json' }));
    expect(image.data[0].b64_json).toEqual(expect.any(String));
  });

  it('serves multipart image edits under the deployment', async () => {
    const data = new FormData();
    data.append('prompt', 'Add a hat');
    data.append('image', new Blob([Buffer.from('png')], { type: 'image/png' }), 'in.png');
    const res = await fetch(deployment('images/edits'), { method: 'POST', body: data });
    expect(res.status).toBe(200);
    expect(mock.requests[0].body).toMatchObject({ prompt: 'Add a hat', image: { name: 'in.png', size: 3 } });
  });
});

describe('the v1 API: /openai/v1/{operation}', () => {
  it('takes the model from the body and needs no api-version', async () => {
    const body = await json(post(`${mock.url}/openai/v1/chat/completions`, { model: 'gpt-4o', ...messages('Hi') }));
    expect(body).toMatchObject({ model: 'gpt-4o', prompt_filter_results: expect.any(Array) });
    expect((await post(`${mock.url}/openai/v1/chat/completions`, messages('Hi'))).status).toBe(400);
    expect((await json(post(`${mock.url}/openai/v1/embeddings`, { model: 'e', input: 'x' }))).data).toHaveLength(1);
  });
});

describe('api-key auth', () => {
  let secured: MockProvider;
  beforeAll(async () => {
    secured = await startMockProvider({ apiKeys: ['azure-key'] });
  });
  afterAll(() => secured.close());

  it('accepts api-key (or a bearer token) and answers others with the Azure 401', async () => {
    const url = `${secured.url}/openai/deployments/d/chat/completions?api-version=${API_VERSION}`;
    expect((await post(url, messages('Hi'), { 'api-key': 'azure-key' })).status).toBe(200);
    expect((await post(url, messages('Hi'), { authorization: 'Bearer azure-key' })).status).toBe(200);
    const wrong = await post(url, messages('Hi'), { 'api-key': 'nope' });
    expect(wrong.status).toBe(401);
    expect(await json(wrong)).toEqual({ error: { code: '401', message: expect.stringContaining('Access denied') } });
  });
});
