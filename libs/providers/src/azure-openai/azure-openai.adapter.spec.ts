import type { ImageEditRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { Operation, ProviderTarget, ResponseContext, UpstreamRequest } from '../core/adapter.types';
import { dataPayloads, readFixture, runUnderEveryCut } from '../core/__fixtures__/stream-harness';
import { azureOpenAIAdapter } from './azure-openai.adapter';

const target = (settings?: Record<string, string>, patch: Partial<ProviderTarget> = {}): ProviderTarget => ({
  kind: 'azure-openai',
  baseUrl: 'https://contoso-eastus.openai.azure.com',
  apiKey: 'azure-key-123',
  upstreamModel: 'gpt-4o-prod',
  ...(settings ? { settings } : {}),
  ...patch,
});
const ctx: ResponseContext = { requestModel: 'smart', requestId: 'req_az', created: 1751893500 };

const requests: Record<Exclude<Operation, 'imageEdit'>, Record<string, unknown>> = {
  chat: { model: 'smart', messages: [{ role: 'user', content: 'Capital of France?' }], stream: true },
  completion: { model: 'smart', prompt: 'Say hi', max_tokens: 5 },
  embedding: { model: 'smart', input: ['a', 'b'], dimensions: 256 },
  image: { model: 'smart', prompt: 'A lighthouse', size: '1024x1024', quality: 'hd', style: 'natural' },
};
const editRequest = {
  model: 'smart',
  prompt: 'Add a red scarf',
  image: [{ filename: 'otter.png', contentType: 'image/png', data: new Uint8Array([1, 2, 3]) }],
  size: '1024x1024',
} as ImageEditRequest;

async function build(operation: Operation, t: ProviderTarget, request?: Record<string, unknown>): Promise<UpstreamRequest> {
  const adapter = azureOpenAIAdapter[operation]!;
  return adapter.buildRequest((request ?? (operation === 'imageEdit' ? editRequest : requests[operation])) as never, t, { includeStreamUsage: true });
}

async function formFields(body: UpstreamRequest['body']): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for (const [name, value] of (body as FormData).entries()) fields[name] = typeof value === 'string' ? value : `file:${value.name}:${value.type}`;
  return fields;
}

describe('Azure OpenAI requests with a dated api-version (deployments)', () => {
  it.each<[Operation, string]>([
    ['chat', '/chat/completions'],
    ['completion', '/completions'],
    ['embedding', '/embeddings'],
    ['image', '/images/generations'],
  ])('%s goes to the deployment path with the default api-version, without a model in the body', async (operation, path) => {
    const upstream = await build(operation, target());
    expect(upstream.method).toBe('POST');
    expect(upstream.url).toBe(`https://contoso-eastus.openai.azure.com/openai/deployments/gpt-4o-prod${path}?api-version=2024-10-21`);
    expect(upstream.headers).toEqual({ 'content-type': 'application/json', 'api-key': 'azure-key-123' });
    const { model: _model, ...expected } = requests[operation as Exclude<Operation, 'imageEdit'>];
    const body = JSON.parse(upstream.body as string);
    expect(body).not.toHaveProperty('model');
    expect(body).toMatchObject(expected);
  });

  it('asks for stream usage on chat (2024-10-21 knows stream_options)', async () => {
    const body = JSON.parse((await build('chat', target())).body as string);
    expect(body).toEqual({ messages: [{ role: 'user', content: 'Capital of France?' }], stream: true, stream_options: { include_usage: true } });
  });

  it('sends an image edit as multipart without a model field', async () => {
    const upstream = await build('imageEdit', target({ apiVersion: '2025-04-01-preview' }, { upstreamModel: 'gpt-image-1' }));
    expect(upstream.url).toBe('https://contoso-eastus.openai.azure.com/openai/deployments/gpt-image-1/images/edits?api-version=2025-04-01-preview');
    expect(upstream.headers).toEqual({ 'api-key': 'azure-key-123' });
    expect(await formFields(upstream.body)).toEqual({ prompt: 'Add a red scarf', size: '1024x1024', image: 'file:otter.png:image/png' });
  });

  it('uses the configured api-version, encodes the deployment and tolerates a pasted /openai suffix', async () => {
    const upstream = await build('chat', target({ apiVersion: '2025-04-01-preview' }, { baseUrl: 'https://contoso.openai.azure.com/openai/', upstreamModel: 'team a/4o' }));
    expect(upstream.url).toBe('https://contoso.openai.azure.com/openai/deployments/team%20a%2F4o/chat/completions?api-version=2025-04-01-preview');
  });

  it('never lets static headers replace the key, and sends no Authorization header', async () => {
    const upstream = await build('chat', target(undefined, { headers: { 'api-key': 'other', 'x-ms-useragent': 'ai-router' } }));
    expect(upstream.headers).toEqual({ 'content-type': 'application/json', 'x-ms-useragent': 'ai-router', 'api-key': 'azure-key-123' });
  });

  it.each([
    ['2024-06-01', false, false],
    ['2024-08-01-preview', false, false],
    ['2024-09-01-preview', true, false],
    ['2024-10-21', true, false],
    ['2024-12-01-preview', true, true],
    ['2025-04-01-preview', true, true],
    ['v1', true, true],
  ])('api-version %s: stream_options %s, stored completions %s', async (apiVersion, streamOptions, stored) => {
    const request = { ...requests.chat, store: true, metadata: { team: 'a' } };
    const body = JSON.parse((await build('chat', target({ apiVersion }), request)).body as string);
    expect('stream_options' in body).toBe(streamOptions);
    expect('store' in body && 'metadata' in body).toBe(stored);
  });

  it.each(['2024-10', 'latest', '2024-10-21; drop', 'V1'])('rejects a malformed apiVersion %j as a setup error', async (apiVersion) => {
    await expect(async () => build('chat', target({ apiVersion }))).rejects.toThrow(`Invalid Azure OpenAI apiVersion '${apiVersion}'`);
  });
});

describe('Azure OpenAI requests with the v1 API', () => {
  it.each<[Operation, string]>([
    ['chat', '/chat/completions'],
    ['completion', '/completions'],
    ['embedding', '/embeddings'],
    ['image', '/images/generations'],
  ])('%s goes to /openai/v1 with the deployment as model and no api-version', async (operation, path) => {
    const upstream = await build(operation, target({ apiVersion: 'v1' }));
    expect(upstream.url).toBe(`https://contoso-eastus.openai.azure.com/openai/v1${path}`);
    expect(upstream.headers).toEqual({ 'content-type': 'application/json', 'api-key': 'azure-key-123' });
    expect(JSON.parse(upstream.body as string)).toMatchObject({ model: 'gpt-4o-prod' });
  });

  it('sends an image edit to /openai/v1/images/edits with the deployment as model', async () => {
    const upstream = await build('imageEdit', target({ apiVersion: 'v1' }, { baseUrl: 'https://contoso.openai.azure.com/openai/v1/', upstreamModel: 'gpt-image-1' }));
    expect(upstream.url).toBe('https://contoso.openai.azure.com/openai/v1/images/edits');
    expect(await formFields(upstream.body)).toEqual({ model: 'gpt-image-1', prompt: 'Add a red scarf', size: '1024x1024', image: 'file:otter.png:image/png' });
  });
});

describe('Azure OpenAI model list', () => {
  it.each([
    [undefined, 'https://contoso-eastus.openai.azure.com/openai/models?api-version=2024-10-21'],
    [{ apiVersion: '2025-04-01-preview' }, 'https://contoso-eastus.openai.azure.com/openai/models?api-version=2025-04-01-preview'],
    [{ apiVersion: 'v1' }, 'https://contoso-eastus.openai.azure.com/openai/v1/models'],
  ])('settings %j list at %s', async (settings, url) => {
    expect(await azureOpenAIAdapter.listModels!.buildRequest(target(settings))).toEqual({
      method: 'GET',
      url,
      headers: { accept: 'application/json', 'api-key': 'azure-key-123' },
    });
  });

  it('reads the model ids (models the resource can deploy, not deployment names)', () => {
    expect(azureOpenAIAdapter.listModels!.parseResponse(readFixture(__dirname, 'models-response.json'))).toEqual([
      'gpt-4o-2024-08-06',
      'gpt-4o-mini-2024-07-18.ft-72a2792ef7d24ba7b82c7fe4a37e379f',
    ]);
  });
});

describe('Azure OpenAI responses and streams', () => {
  it('passes an image generation through with its filter annotations and counts the image', () => {
    const body = readFixture(__dirname, 'image-generation-response.json');
    expect(azureOpenAIAdapter.image!.transformResponse(body, ctx)).toEqual({
      body,
      usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, images: 1 },
    });
  });

  it('drops the leading prompt_filter_results chunk and forwards the rest unchanged', () => {
    const transcript = readFixture(__dirname, 'chat-stream-prompt-filter.sse');
    const run = runUnderEveryCut(() => azureOpenAIAdapter.chat!.createStreamTransformer!(ctx), transcript);
    const payloads = dataPayloads(transcript).filter((payload) => payload !== '[DONE]');
    expect(JSON.parse(payloads[0])).toHaveProperty('prompt_filter_results');
    const forwarded = payloads.slice(1);
    expect(run.events).toEqual([
      ...forwarded.map((json, index) => ({ kind: 'data', json, usageOnly: index === forwarded.length - 1 })),
      { kind: 'done' },
    ]);
    expect(run.finishReason).toBe('stop');
    expect(run.usage).toEqual({ inputTokens: 14, outputTokens: 3, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it('keeps finish_reason content_filter when the output is filtered mid-stream', () => {
    const run = runUnderEveryCut(
      () => azureOpenAIAdapter.chat!.createStreamTransformer!(ctx),
      readFixture(__dirname, 'chat-stream-content-filtered.sse'),
    );
    expect(run.events.map((event) => event.kind)).toEqual(['data', 'data', 'data', 'done']);
    const last = run.events[2];
    expect(last.kind === 'data' && JSON.parse(last.json).choices[0].finish_reason).toBe('content_filter');
    expect(run.finishReason).toBe('content_filter');
    expect(run.usage).toBeNull();
  });

  it('forwards a usage-only chunk even though it has no choices', () => {
    const run = runUnderEveryCut(
      () => azureOpenAIAdapter.chat!.createStreamTransformer!(ctx),
      'data: {"choices":[],"prompt_filter_results":[],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}\n\ndata: [DONE]\n\n',
    );
    expect(run.events.map((event) => (event.kind === 'data' ? event.usageOnly : event.kind))).toEqual([true, 'done']);
    expect(run.usage).toMatchObject({ inputTokens: 3, outputTokens: 1 });
  });
});
