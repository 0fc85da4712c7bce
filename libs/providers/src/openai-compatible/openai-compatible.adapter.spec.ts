import type { ChatCompletionRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { ProviderTarget, ResponseContext, UpstreamRequest } from '../core/adapter.types';
import { readFixture, runUnderEveryCut } from '../core/__fixtures__/stream-harness';
import { AdapterRequestError } from '../core/errors';
import type { OpenAIFamilyProfile } from '../openai/openai-family.profile';
import { createOpenAICompatibleAdapter, openAICompatibleAdapter } from './openai-compatible.adapter';

const target: ProviderTarget = {
  kind: 'openai-compatible',
  baseUrl: 'https://api.groq.com/openai/v1',
  apiKey: 'gsk_test',
  upstreamModel: 'llama-3.1-8b-instant',
};
const ctx: ResponseContext = { requestModel: 'llama', requestId: 'req_9', created: 1735689600 };
const request = (patch: Record<string, unknown> = {}) =>
  ({ model: 'llama', messages: [{ role: 'user', content: 'Hola' }], ...patch }) as ChatCompletionRequest;

/** A made-up vendor exercising every profile knob. */
const acme: OpenAIFamilyProfile = {
  name: 'Acme',
  streamUsage: false,
  drop: ['store', 'metadata'],
  reject: ['logprobs'],
  rename: { max_completion_tokens: 'max_tokens' },
  quirks: (body, operation) => {
    if (operation === 'chat') body.safe_mode = true;
  },
};
const acmeAdapter = createOpenAICompatibleAdapter({ acme });
const acmeTarget: ProviderTarget = { ...target, vendor: 'acme', baseUrl: 'http://localhost:11434/v1', apiKey: '' };

/** The OpenAI family builds JSON requests synchronously; narrows the contract's wider return type. */
function json(request: UpstreamRequest | Promise<UpstreamRequest>): UpstreamRequest & { body: string } {
  if (request instanceof Promise || typeof request.body !== 'string') throw new Error('expected a synchronous JSON request');
  return request as UpstreamRequest & { body: string };
}

describe('openAICompatibleAdapter (generic vendor)', () => {
  it('behaves like OpenAI: same body, stream usage requested, vendor fields preserved', () => {
    const upstream = json(openAICompatibleAdapter.chat!.buildRequest(
      request({ stream: true, top_k: 20, repetition_penalty: 1.1, chat_template_kwargs: { enable_thinking: false } }),
      target,
      { includeStreamUsage: true },
    ));
    expect({ ...upstream, body: JSON.parse(upstream.body) }).toEqual({
      method: 'POST',
      url: 'https://api.groq.com/openai/v1/chat/completions',
      headers: { 'content-type': 'application/json', authorization: 'Bearer gsk_test' },
      body: {
        model: 'llama-3.1-8b-instant',
        messages: [{ role: 'user', content: 'Hola' }],
        stream: true,
        top_k: 20,
        repetition_penalty: 1.1,
        chat_template_kwargs: { enable_thinking: false },
        stream_options: { include_usage: true },
      },
    });
  });

  it('copes with a vendor that streams no usage (usage null) and with comment lines', () => {
    const run = runUnderEveryCut(() => openAICompatibleAdapter.chat!.createStreamTransformer!(ctx), readFixture(__dirname, 'chat-stream-no-usage.sse'));
    expect(run.events.map((event) => (event.kind === 'data' ? event.usageOnly : event.kind))).toEqual([false, false, false, 'done']);
    expect(run.usage).toBeNull();
    expect(run.finishReason).toBe('stop');
  });

  it('reads usage sent on the last choice chunk (not a usage-only chunk)', () => {
    const run = runUnderEveryCut(
      () => openAICompatibleAdapter.chat!.createStreamTransformer!(ctx),
      readFixture(__dirname, 'chat-stream-usage-in-last-choice.sse'),
    );
    expect(run.events.map((event) => (event.kind === 'data' ? event.usageOnly : event.kind))).toEqual([false, false, 'done']);
    expect(run.usage).toEqual({ inputTokens: 9, outputTokens: 2, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(run.finishReason).toBe('length');
  });

  it('fails loudly for a vendor preset that does not exist', () => {
    expect(() => openAICompatibleAdapter.chat!.buildRequest(request(), { ...target, vendor: 'nope' }, { includeStreamUsage: true })).toThrow(
      "Unknown OpenAI-compatible vendor preset 'nope'",
    );
  });
});

describe('openAICompatibleAdapter with a vendor profile', () => {
  it('drops, renames, never sends stream_options, applies quirks and omits an empty key', () => {
    const upstream = json(acmeAdapter.chat!.buildRequest(
      request({ stream: true, stream_options: { include_usage: true }, store: true, metadata: { a: 'b' }, max_completion_tokens: 64, logprobs: null }),
      acmeTarget,
      { includeStreamUsage: true },
    ));
    expect({ ...upstream, body: JSON.parse(upstream.body) }).toEqual({
      method: 'POST',
      url: 'http://localhost:11434/v1/chat/completions',
      headers: { 'content-type': 'application/json' },
      body: { model: 'llama-3.1-8b-instant', messages: [{ role: 'user', content: 'Hola' }], stream: true, max_tokens: 64, safe_mode: true },
    });
  });

  it('lets the newer field name win when both are sent', () => {
    const upstream = json(acmeAdapter.chat!.buildRequest(request({ max_tokens: 10, max_completion_tokens: 64 }), acmeTarget, { includeStreamUsage: false }));
    expect(JSON.parse(upstream.body).max_tokens).toBe(64);
  });

  it.each([false, 0, [], {}])('drops an "off" value of a field the vendor cannot honour: %j', (value) => {
    const upstream = json(acmeAdapter.chat!.buildRequest(request({ logprobs: value }), acmeTarget, { includeStreamUsage: false }));
    expect(JSON.parse(upstream.body)).not.toHaveProperty('logprobs');
  });

  it('rejects a field the vendor cannot honour when it is turned on', () => {
    const attempt = () => acmeAdapter.chat!.buildRequest(request({ logprobs: true }), acmeTarget, { includeStreamUsage: false });
    expect(attempt).toThrow(AdapterRequestError);
    expect(attempt).toThrow("'logprobs' is not supported by Acme models.");
  });

  it('applies the profile to embeddings too, without chat quirks', () => {
    const upstream = json(acmeAdapter.embedding!.buildRequest({ model: 'e', input: 'x', metadata: {} } as never, acmeTarget, { includeStreamUsage: true }));
    expect(JSON.parse(upstream.body)).toEqual({ model: 'llama-3.1-8b-instant', input: 'x' });
    expect(upstream.url).toBe('http://localhost:11434/v1/embeddings');
  });
});
