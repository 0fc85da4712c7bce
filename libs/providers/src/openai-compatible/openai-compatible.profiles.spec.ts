import type { ChatCompletionRequest, EmbeddingRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { Operation, ProviderTarget, ResponseContext } from '../core/adapter.types';
import { dataPayloads, readFixture, runUnderEveryCut } from '../core/__fixtures__/stream-harness';
import { AdapterRequestError } from '../core/errors';
import { openAICompatibleAdapter } from './openai-compatible.adapter';
import { listVendorPresets, OPENAI_COMPATIBLE_PROFILES } from './openai-compatible.profiles';

const ctx: ResponseContext = { requestModel: 'assistant', requestId: 'req_v', created: 1751893200 };
const chat = openAICompatibleAdapter.chat!;

const targetFor = (vendor: string, apiKey = 'vendor-key'): ProviderTarget => ({
  kind: 'openai-compatible',
  vendor,
  baseUrl: OPENAI_COMPATIBLE_PROFILES[vendor].defaultBaseUrl ?? 'https://llm.internal.example/v1',
  apiKey,
  upstreamModel: 'upstream-model',
});

const baseMessages = [
  { role: 'developer', content: 'Be brief.' },
  { role: 'user', content: 'Hi', name: 'alice' },
];
const request = (patch: Record<string, unknown> = {}) =>
  ({ model: 'assistant', messages: baseMessages, stream: true, ...patch }) as ChatCompletionRequest;

function sent(vendor: string, patch: Record<string, unknown> = {}) {
  const upstream = chat.buildRequest(request(patch), targetFor(vendor), { includeStreamUsage: true }) as { body: string };
  return JSON.parse(upstream.body) as Record<string, unknown>;
}

const asSystem = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Hi', name: 'alice' },
];
const asSystemWithoutNames = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Hi' },
];
const usageAsked = { stream_options: { include_usage: true } };

describe('vendor presets: fields sent upstream', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>, string[]]>([
    [
      'deepseek',
      { max_completion_tokens: 64, seed: 7, user: 'u1', store: true, metadata: { a: 'b' }, n: 1, parallel_tool_calls: true },
      { model: 'upstream-model', max_tokens: 64, messages: asSystem, ...usageAsked },
      ['max_completion_tokens', 'seed', 'user', 'store', 'metadata', 'n', 'parallel_tool_calls'],
    ],
    [
      'volcengine',
      { max_completion_tokens: 64, service_tier: 'auto', seed: 3, thinking: { type: 'disabled' } },
      { max_completion_tokens: 64, service_tier: 'auto', seed: 3, thinking: { type: 'disabled' }, messages: asSystem, ...usageAsked },
      ['max_tokens'],
    ],
    [
      'zhipu',
      { stream_options: { include_usage: true }, user: 'u1', presence_penalty: 0, tool_choice: 'auto', do_sample: false },
      { do_sample: false, messages: asSystem },
      ['stream_options', 'user', 'presence_penalty', 'tool_choice'],
    ],
    [
      'moonshot',
      { n: 2, max_completion_tokens: 100, seed: 9 },
      { n: 2, max_tokens: 100, messages: asSystem, ...usageAsked },
      ['seed', 'max_completion_tokens'],
    ],
    [
      'qwen',
      { n: 2, seed: 5, parallel_tool_calls: false, enable_thinking: false, max_completion_tokens: 32, logit_bias: {} },
      { n: 2, seed: 5, parallel_tool_calls: false, enable_thinking: false, max_tokens: 32, messages: asSystem, ...usageAsked },
      ['logit_bias'],
    ],
    [
      'mistral',
      { seed: 42, max_completion_tokens: 128, user: 'u1', store: false, stream_options: { include_usage: true }, logprobs: false, safe_prompt: true },
      { random_seed: 42, max_tokens: 128, safe_prompt: true, messages: asSystemWithoutNames },
      ['seed', 'max_completion_tokens', 'user', 'store', 'stream_options', 'logprobs'],
    ],
    [
      'groq',
      { max_completion_tokens: 256, n: 1, service_tier: 'flex', reasoning_effort: 'low', top_logprobs: 0 },
      { max_completion_tokens: 256, service_tier: 'flex', reasoning_effort: 'low', messages: asSystemWithoutNames, ...usageAsked },
      ['n', 'top_logprobs'],
    ],
    [
      'together',
      { max_completion_tokens: 80, repetition_penalty: 1.1, logit_bias: { '1': 5 } },
      { max_tokens: 80, repetition_penalty: 1.1, logit_bias: { '1': 5 }, messages: asSystem, ...usageAsked },
      ['max_completion_tokens'],
    ],
    [
      'openrouter',
      { max_completion_tokens: 80, provider: { order: ['deepinfra'] }, models: ['a/b', 'c/d'], transforms: ['middle-out'] },
      { max_tokens: 80, provider: { order: ['deepinfra'] }, models: ['a/b', 'c/d'], transforms: ['middle-out'], messages: baseMessages, ...usageAsked },
      ['max_completion_tokens'],
    ],
    [
      '302ai',
      { max_completion_tokens: 80, store: true, n: 2 },
      { max_completion_tokens: 80, n: 2, messages: baseMessages, ...usageAsked },
      ['store'],
    ],
    [
      'ollama',
      { max_completion_tokens: 80, seed: 1, user: 'u1', keep_alive: '5m' },
      { max_tokens: 80, seed: 1, keep_alive: '5m', messages: asSystem, ...usageAsked },
      ['user', 'max_completion_tokens'],
    ],
    [
      'vllm',
      { n: 3, logit_bias: { '50256': -100 }, seed: 1, parallel_tool_calls: false, response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } }, top_k: 20 },
      {
        n: 3,
        logit_bias: { '50256': -100 },
        seed: 1,
        parallel_tool_calls: false,
        response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } },
        top_k: 20,
        messages: asSystem,
        ...usageAsked,
      },
      [],
    ],
  ])('%s: adjusts %j', (vendor, patch, expected, absent) => {
    const body = sent(vendor, patch);
    expect(body).toMatchObject({ model: 'upstream-model', stream: true, ...expected });
    for (const field of absent) expect(body).not.toHaveProperty(field);
  });
});

describe('vendor presets: fields refused with a 400', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['deepseek', { n: 2 }, 'n', "'n' must be 1 for DeepSeek models."],
    ['deepseek', { logit_bias: { '50256': -100 } }, 'logit_bias', "'logit_bias' is not supported by DeepSeek models."],
    ['deepseek', { parallel_tool_calls: false }, 'parallel_tool_calls', "'parallel_tool_calls' must be true for DeepSeek models."],
    [
      'deepseek',
      { response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } },
      'response_format',
      "response_format 'json_schema' is not supported by DeepSeek models (supported: text, json_object).",
    ],
    ['volcengine', { n: 3 }, 'n', "'n' must be 1 for Volcengine Ark models."],
    ['zhipu', { tool_choice: 'required' }, 'tool_choice', "'tool_choice' must be \"auto\" for Zhipu GLM models."],
    ['zhipu', { presence_penalty: 0.5 }, 'presence_penalty', "'presence_penalty' is not supported by Zhipu GLM models."],
    ['moonshot', { logprobs: true }, 'logprobs', "'logprobs' is not supported by Moonshot (Kimi) models."],
    ['qwen', { logit_bias: { '1': 2 } }, 'logit_bias', "'logit_bias' is not supported by Qwen (DashScope) models."],
    ['mistral', { logprobs: true, top_logprobs: 3 }, 'logprobs', "'logprobs' is not supported by Mistral models."],
    ['groq', { logprobs: true }, 'logprobs', "'logprobs' is not supported by Groq models."],
    ['groq', { n: 2 }, 'n', "'n' must be 1 for Groq models."],
    ['together', { parallel_tool_calls: false }, 'parallel_tool_calls', "'parallel_tool_calls' must be true for Together AI models."],
    ['openrouter', { n: 4 }, 'n', "'n' must be 1 for OpenRouter models."],
    ['ollama', { logit_bias: { '1': 2 } }, 'logit_bias', "'logit_bias' is not supported by Ollama models."],
    ['ollama', { n: 2 }, 'n', "'n' must be 1 for Ollama models."],
  ])('%s: %j', (vendor, patch, param, message) => {
    try {
      sent(vendor, patch);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AdapterRequestError);
      expect((error as AdapterRequestError).toUpstreamError()).toMatchObject({ status: 400, param, message, code: 'unsupported_parameter' });
    }
  });
});

describe('vendor presets: operations and credentials', () => {
  it.each<[string, Operation, string]>([
    ['deepseek', 'embedding', 'DeepSeek does not offer embeddings.'],
    ['deepseek', 'completion', 'DeepSeek does not offer text completions.'],
    ['groq', 'embedding', 'Groq does not offer embeddings.'],
    ['mistral', 'completion', 'Mistral does not offer text completions.'],
    ['moonshot', 'embedding', 'Moonshot (Kimi) does not offer embeddings.'],
    ['openrouter', 'embedding', 'OpenRouter does not offer embeddings.'],
  ])('%s refuses %s before any call', (vendor, operation, message) => {
    const adapter = openAICompatibleAdapter[operation as 'embedding' | 'completion']!;
    const attempt = () => adapter.buildRequest({ model: 'm', input: 'x', prompt: 'x' } as never, targetFor(vendor), { includeStreamUsage: true });
    expect(attempt).toThrow(AdapterRequestError);
    expect(attempt).toThrow(message);
  });

  it('renames Mistral embedding dimensions and drops its user field', () => {
    const upstream = openAICompatibleAdapter.embedding!.buildRequest(
      { model: 'e', input: ['a'], dimensions: 256, user: 'u1' } as EmbeddingRequest,
      targetFor('mistral'),
      { includeStreamUsage: true },
    ) as { url: string; body: string };
    expect(upstream.url).toBe('https://api.mistral.ai/v1/embeddings');
    expect(JSON.parse(upstream.body)).toEqual({ model: 'upstream-model', input: ['a'], output_dimension: 256 });
  });

  it('keeps tool message names for Mistral while stripping participant names', () => {
    const messages = [
      { role: 'user', content: 'Weather?', name: 'bob' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'c1', type: 'function', function: { name: 'weather', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'c1', name: 'weather', content: 'sunny' },
    ];
    expect(sent('mistral', { messages }).messages).toEqual([
      { role: 'user', content: 'Weather?' },
      messages[1],
      { role: 'tool', tool_call_id: 'c1', name: 'weather', content: 'sunny' },
    ]);
  });

  it.each([
    ['deepseek', 'https://api.deepseek.com/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['volcengine', 'https://ark.cn-beijing.volces.com/api/v3/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['zhipu', 'https://open.bigmodel.cn/api/paas/v4/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['moonshot', 'https://api.moonshot.cn/v1/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['qwen', 'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['mistral', 'https://api.mistral.ai/v1/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['groq', 'https://api.groq.com/openai/v1/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['together', 'https://api.together.xyz/v1/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['openrouter', 'https://openrouter.ai/api/v1/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['302ai', 'https://api.302.ai/v1/chat/completions', { authorization: 'Bearer vendor-key' }],
    ['ollama', 'http://localhost:11434/v1/chat/completions', {}],
    ['vllm', 'http://localhost:8000/v1/chat/completions', { authorization: 'Bearer vendor-key' }],
  ])('%s: calls %s with %j', (vendor, url, credentials) => {
    const upstream = chat.buildRequest(request(), targetFor(vendor), { includeStreamUsage: true }) as { url: string; headers: Record<string, string> };
    expect(upstream.url).toBe(url);
    expect(upstream.headers).toEqual({ 'content-type': 'application/json', ...credentials });
  });

  it('sends no credential to a keyless vLLM', () => {
    const upstream = chat.buildRequest(request(), targetFor('vllm', ''), { includeStreamUsage: true }) as { headers: Record<string, string> };
    expect(upstream.headers).toEqual({ 'content-type': 'application/json' });
  });
});

describe('DeepSeek reasoning_content passes through', () => {
  it('keeps reasoning_content in a response, byte for byte, and reads reasoning tokens', () => {
    const body = readFixture(__dirname, 'deepseek-reasoner-response.json');
    const result = chat.transformResponse(body, ctx);
    expect(result.body).toBe(body);
    expect(JSON.parse(result.body).choices[0].message.reasoning_content).toMatch(/^Compare 9.11 and 9.8/);
    expect(result.usage).toEqual({ inputTokens: 17, outputTokens: 96, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 84 });
  });

  it('keeps reasoning_content deltas in a stream and reads the usage-only chunk', () => {
    const transcript = readFixture(__dirname, 'deepseek-reasoner-stream.sse');
    const run = runUnderEveryCut(() => chat.createStreamTransformer!(ctx), transcript);
    const payloads = dataPayloads(transcript).filter((payload) => payload !== '[DONE]');
    expect(run.events).toEqual([...payloads.map((json, index) => ({ kind: 'data', json, usageOnly: index === payloads.length - 1 })), { kind: 'done' }]);
    const reasoning = run.events.map((event) => (event.kind === 'data' ? JSON.parse(event.json).choices[0]?.delta?.reasoning_content : undefined));
    expect(reasoning.filter((part) => typeof part === 'string').join('')).toBe('Tenths place: 1 < 8, so 9.11 < 9.8.');
    expect(run.finishReason).toBe('stop');
    expect(run.usage).toEqual({ inputTokens: 17, outputTokens: 41, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 33 });
  });
});

describe('vendor stream usage', () => {
  it('yields usage null without failing when a vendor streams none', () => {
    const run = runUnderEveryCut(() => chat.createStreamTransformer!(ctx), readFixture(__dirname, 'chat-stream-no-usage.sse'));
    expect(run.events.at(-1)).toEqual({ kind: 'done' });
    expect(run.events.some((event) => event.kind === 'error')).toBe(false);
    expect(run.usage).toBeNull();
    expect(run.finishReason).toBe('stop');
  });

  it('reads Moonshot usage from inside the last choice', () => {
    const run = runUnderEveryCut(() => chat.createStreamTransformer!(ctx), readFixture(__dirname, 'moonshot-stream-choice-usage.sse'));
    expect(run.events.map((event) => (event.kind === 'data' ? event.usageOnly : event.kind))).toEqual([false, false, false, 'done']);
    expect(run.usage).toEqual({ inputTokens: 19, outputTokens: 13, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(run.finishReason).toBe('stop');
  });

  it('reads Mistral usage sent unasked on the last chunk', () => {
    const run = runUnderEveryCut(() => chat.createStreamTransformer!(ctx), readFixture(__dirname, 'mistral-stream.sse'));
    expect(run.usage).toMatchObject({ inputTokens: 7, outputTokens: 3 });
    expect(run.finishReason).toBe('stop');
  });
});

describe('preset catalogue', () => {
  const presets = Object.entries(OPENAI_COMPATIBLE_PROFILES);

  it('has the documented vendors', () => {
    expect(Object.keys(OPENAI_COMPATIBLE_PROFILES)).toEqual([
      'generic',
      'deepseek',
      'volcengine',
      'zhipu',
      'moonshot',
      'qwen',
      'mistral',
      'groq',
      'together',
      'openrouter',
      '302ai',
      'ollama',
      'vllm',
    ]);
  });

  it.each(presets)('%s is consistent', (_key, preset) => {
    if (preset.defaultBaseUrl !== null) {
      expect(preset.defaultBaseUrl).toMatch(/^https?:\/\/[^\s]+[^/]$/);
      expect(new URL(preset.defaultBaseUrl).protocol).toMatch(/^https?:$/);
    }
    expect(preset.operations).toContain('chat');
    const refused = new Set([...(preset.reject ?? []), ...Object.keys(preset.fixed ?? {}), ...(preset.drop ?? [])]);
    for (const [from, to] of Object.entries(preset.rename ?? {})) {
      expect(refused.has(from) || refused.has(to), `${from} -> ${to}`).toBe(false);
    }
    // A vendor that is never asked for stream usage must send it unasked, or not be relied upon.
    if (!preset.streamUsage) expect(preset.streamUsageReport).not.toBe('when-asked');
  });

  it('lists presets for the admin console', () => {
    const list = listVendorPresets();
    expect(list).toHaveLength(presets.length);
    expect(list.find((preset) => preset.name === 'generic')).toEqual({
      name: 'generic',
      displayName: 'OpenAI-compatible',
      defaultBaseUrl: null,
      authStyle: { kind: 'bearer' },
      offersModelList: true,
      offersImages: true,
      operations: ['chat', 'completion', 'embedding', 'image', 'imageEdit'],
    });
    expect(list.find((preset) => preset.name === 'ollama')).toMatchObject({
      displayName: 'Ollama',
      defaultBaseUrl: 'http://localhost:11434/v1',
      authStyle: { kind: 'none' },
      offersModelList: true,
      offersImages: false,
    });
    expect(list.filter((preset) => preset.offersImages).map((preset) => preset.name)).toEqual(['generic', 'volcengine', 'zhipu', 'together', '302ai']);
    expect(list.filter((preset) => !preset.offersModelList).map((preset) => preset.name)).toEqual(['volcengine', 'zhipu', '302ai']);
  });
});
