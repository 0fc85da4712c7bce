import type { ChatCompletionRequest, CompletionRequest, EmbeddingRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { ProviderTarget, ResponseContext, UpstreamRequest } from '../core/adapter.types';
import { dataPayloads, readFixture, readJsonFixture, runStream, runUnderEveryCut } from '../core/__fixtures__/stream-harness';
import { UpstreamResponseError } from '../core/errors';
import { openAIAdapter } from './openai.adapter';

const target: ProviderTarget = {
  kind: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  apiKey: 'sk-test-openai',
  upstreamModel: 'gpt-4o-mini-2024-07-18',
  headers: { 'OpenAI-Organization': 'org-123' },
};
const ctx: ResponseContext = { requestModel: 'fast-chat', requestId: 'req_1', created: 1735689600 };
const chat = openAIAdapter.chat!;

/** The OpenAI family builds JSON requests synchronously; narrows the contract's wider return type. */
function json(request: UpstreamRequest | Promise<UpstreamRequest>): UpstreamRequest & { body: string } {
  if (request instanceof Promise || typeof request.body !== 'string') throw new Error('expected a synchronous JSON request');
  return request as UpstreamRequest & { body: string };
}

function parsedRequest(built: UpstreamRequest | Promise<UpstreamRequest>) {
  const request = json(built);
  return { method: request.method, url: request.url, headers: request.headers, body: JSON.parse(request.body) };
}

describe('openAIAdapter requests', () => {
  it('sends the client body with the upstream model and asks for stream usage', () => {
    const request = readJsonFixture<ChatCompletionRequest>(__dirname, 'chat-request.json');
    const upstream = chat.buildRequest(request, target, { includeStreamUsage: true });
    expect(parsedRequest(upstream)).toEqual(readJsonFixture(__dirname, 'chat-request.expected.json'));
  });

  it('keeps the client field order, unknown fields and explicit nulls', () => {
    const request = { model: 'm', messages: [{ role: 'user', content: 'x' }], seed: null, zeta: 1, alpha: { deep: [1] } };
    const upstream = json(chat.buildRequest(request as ChatCompletionRequest, target, { includeStreamUsage: true }));
    expect(upstream.body).toBe(
      '{"model":"gpt-4o-mini-2024-07-18","messages":[{"role":"user","content":"x"}],"seed":null,"zeta":1,"alpha":{"deep":[1]}}',
    );
  });

  it.each([
    ['stream is off', { stream: false }, { includeStreamUsage: true }, undefined],
    ['the gateway does not need usage', { stream: true }, { includeStreamUsage: false }, undefined],
    ['the client asked already', { stream: true, stream_options: { include_usage: true } }, { includeStreamUsage: false }, { include_usage: true }],
  ])('leaves stream_options alone when %s', (_name, patch, options, expected) => {
    const request = { model: 'm', messages: [{ role: 'user', content: 'x' }], ...patch } as ChatCompletionRequest;
    expect(JSON.parse(json(chat.buildRequest(request, target, options)).body).stream_options).toEqual(expected);
  });

  it('builds legacy completion and embedding requests', () => {
    const completion: CompletionRequest = { model: 'm', prompt: 'Say this is a test', stream: true, max_tokens: 7 };
    const embedding: EmbeddingRequest = { model: 'm', input: ['a', 'b'], dimensions: 256 };
    const base = { ...target, baseUrl: 'https://api.openai.com/v1/' };
    expect(parsedRequest(openAIAdapter.completion!.buildRequest(completion, base, { includeStreamUsage: true }))).toMatchObject({
      url: 'https://api.openai.com/v1/completions',
      body: { model: target.upstreamModel, prompt: 'Say this is a test', stream: true, max_tokens: 7, stream_options: { include_usage: true } },
    });
    expect(parsedRequest(openAIAdapter.embedding!.buildRequest(embedding, base, { includeStreamUsage: true }))).toEqual({
      method: 'POST',
      url: 'https://api.openai.com/v1/embeddings',
      headers: { 'content-type': 'application/json', 'openai-organization': 'org-123', authorization: 'Bearer sk-test-openai' },
      body: { model: target.upstreamModel, input: ['a', 'b'], dimensions: 256 },
    });
  });
});

describe('openAIAdapter responses', () => {
  it('passes a chat completion through byte for byte and reads its usage', () => {
    const body = readFixture(__dirname, 'chat-response.json');
    expect(chat.transformResponse(body, ctx)).toEqual({
      body,
      usage: { inputTokens: 1117, outputTokens: 46, cachedInputTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 12 },
    });
  });

  it('passes completions and embeddings through', () => {
    const completion = readFixture(__dirname, 'completion-response.json');
    const embedding = readFixture(__dirname, 'embedding-response.json');
    expect(openAIAdapter.completion!.transformResponse(completion, ctx)).toEqual({
      body: completion,
      usage: { inputTokens: 5, outputTokens: 7, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
    });
    expect(openAIAdapter.embedding!.transformResponse(embedding, ctx)).toEqual({
      body: embedding,
      usage: { inputTokens: 8, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 },
    });
    expect(openAIAdapter.embedding!.createStreamTransformer).toBeUndefined();
  });

  it('reports usage null when the upstream sent none', () => {
    expect(chat.transformResponse('{"id":"x","choices":[]}', ctx).usage).toBeNull();
  });

  it.each(['<html>502 Bad Gateway</html>', '[1,2]', ''])('rejects a body that is not a JSON object: %j', (body) => {
    expect(() => chat.transformResponse(body, ctx)).toThrow(UpstreamResponseError);
    try {
      chat.transformResponse(body, ctx);
    } catch (error) {
      expect((error as UpstreamResponseError).error).toMatchObject({ status: 502, code: 'invalid_upstream_response', retryable: true });
    }
  });
});

describe('openAIAdapter streams', () => {
  const create = () => chat.createStreamTransformer!(ctx);

  it('forwards every data payload unchanged and marks the usage-only chunk', () => {
    const transcript = readFixture(__dirname, 'chat-stream.sse');
    const run = runUnderEveryCut(create, transcript);
    const payloads = dataPayloads(transcript).filter((payload) => payload !== '[DONE]');
    expect(run.events).toEqual([
      ...payloads.map((json, index) => ({ kind: 'data', json, usageOnly: index === payloads.length - 1 })),
      { kind: 'done' },
    ]);
    expect(run.finishReason).toBe('stop');
    expect(run.usage).toEqual({ inputTokens: 1200, outputTokens: 5, cachedInputTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it('forwards streamed tool call deltas and reports finish reason tool_calls', () => {
    const transcript = readFixture(__dirname, 'chat-stream-tools.sse');
    const run = runUnderEveryCut(create, transcript);
    expect(run.events.map((event) => (event.kind === 'data' ? event.json : event.kind))).toEqual(dataPayloads(transcript).map((p) => (p === '[DONE]' ? 'done' : p)));
    expect(run.finishReason).toBe('tool_calls');
    expect(run.usage).toMatchObject({ inputTokens: 85, outputTokens: 48 });
  });

  it('turns a mid-stream error frame into an error event and stops there', () => {
    const transcript = `${readFixture(__dirname, 'chat-stream-error.sse')}data: [DONE]\n\n`;
    const run = runUnderEveryCut(create, transcript);
    expect(run.events.map((event) => event.kind)).toEqual(['data', 'data', 'error']);
    expect(run.events[2]).toEqual({
      kind: 'error',
      error: {
        status: 502,
        type: 'server_error',
        code: null,
        param: null,
        message: 'The server had an error while processing your request. Sorry about that!',
        retryable: true,
      },
    });
    expect(run.finishReason).toBeNull();
    expect(run.usage).toBeNull();
  });

  it('passes legacy completion streams through', () => {
    const run = runUnderEveryCut(() => openAIAdapter.completion!.createStreamTransformer!(ctx), readFixture(__dirname, 'completion-stream.sse'));
    expect(run.events.map((event) => (event.kind === 'data' ? event.usageOnly : event.kind))).toEqual([false, false, true, 'done']);
    expect(run.finishReason).toBe('length');
    expect(run.usage).toMatchObject({ inputTokens: 5, outputTokens: 7 });
  });

  it('ignores comments and empty frames, and re-serialises only a multi-line data field', () => {
    const run = runStream(create, [': keep-alive\n\ndata:\n\ndata: {"choices":\ndata: [{"index":0,"delta":{},"finish_reason":"length"}]}\n\n']);
    expect(run.events).toEqual([
      { kind: 'data', json: '{"choices":[{"index":0,"delta":{},"finish_reason":"length"}]}', usageOnly: false },
    ]);
    expect(run.finishReason).toBe('length');
  });

  it('flushes a last frame without its blank line at the end of input', () => {
    expect(runStream(create, ['data: {"choices":[]}\n\ndata: [DONE]']).events.map((event) => event.kind)).toEqual(['data', 'done']);
  });

  it('reports a payload that is not JSON as an upstream error', () => {
    const run = runStream(create, ['data: {"choices":[\n\ndata: {"choices":[]}\n\n']);
    expect(run.events).toEqual([{ kind: 'error', error: expect.objectContaining({ status: 502, code: 'invalid_upstream_response' }) }]);
  });

  it('emits nothing after done', () => {
    const transformer = create();
    expect(transformer.push('data: [DONE]\n\n').map((event) => event.kind)).toEqual(['done']);
    expect(transformer.push('data: {"choices":[]}\n\n')).toEqual([]);
    expect(transformer.end()).toEqual([]);
  });
});
