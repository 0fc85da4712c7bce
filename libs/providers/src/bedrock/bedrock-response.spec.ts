import { describe, expect, it } from 'vitest';
import type { ResponseContext } from '../core/adapter.types';
import { readFixture, readJsonFixture } from '../core/__fixtures__/stream-harness';
import { UpstreamResponseError } from '../core/errors';
import { usageFromBedrock } from './bedrock-response';
import { bedrockAdapter } from './bedrock.adapter';

const ctx: ResponseContext = { requestModel: 'claude-sonnet', requestId: 'req_01JBEDROCK', created: 1735689600 };
const chat = bedrockAdapter.chat!;

function converse(patch: Record<string, unknown> = {}, content: unknown[] = [{ text: 'Hello!' }]) {
  return JSON.stringify({
    output: { message: { role: 'assistant', content } },
    stopReason: 'end_turn',
    usage: { inputTokens: 10, outputTokens: 3, totalTokens: 13 },
    metrics: { latencyMs: 321 },
    ...patch,
  });
}

describe('bedrockAdapter.chat.transformResponse', () => {
  it('translates reasoning, text and tool use into one OpenAI completion', () => {
    const result = chat.transformResponse(readFixture(__dirname, 'chat-response.json'), ctx);
    expect(JSON.parse(result.body)).toEqual(readJsonFixture(__dirname, 'chat-response.expected.json'));
    // The usage rule: Bedrock's inputTokens excludes cache reads and writes, so they are added back.
    expect(result.usage).toEqual({ inputTokens: 1422, outputTokens: 96, cachedInputTokens: 1024, cacheWriteTokens: 256, reasoningTokens: 0 });
  });

  it('answers a plain text turn with compact JSON', () => {
    const result = chat.transformResponse(converse(), ctx);
    expect(result.body).toBe(
      '{"id":"chatcmpl-req_01JBEDROCK","object":"chat.completion","created":1735689600,"model":"claude-sonnet",' +
        '"choices":[{"index":0,"message":{"role":"assistant","content":"Hello!","refusal":null},"logprobs":null,"finish_reason":"stop"}],' +
        '"usage":{"prompt_tokens":10,"completion_tokens":3,"total_tokens":13,"prompt_tokens_details":{"cached_tokens":0,"cache_write_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}',
    );
  });

  it('joins several text blocks, skips blocks without an OpenAI counterpart, and has null content without text', () => {
    const blocks = [{ text: 'a' }, { citationsContent: { citations: [] } }, { reasoningContent: { redactedContent: 'AAAA' } }, { text: 'b' }];
    expect(JSON.parse(chat.transformResponse(converse({}, blocks), ctx).body).choices[0].message).toEqual({ role: 'assistant', content: 'ab', refusal: null });
    const toolOnly = [{ toolUse: { toolUseId: 'tooluse_1', name: 'now', input: {} } }];
    expect(JSON.parse(chat.transformResponse(converse({ stopReason: 'tool_use' }, toolOnly), ctx).body).choices[0].message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'tooluse_1', type: 'function', function: { name: 'now', arguments: '{}' } }],
      refusal: null,
    });
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
    ['malformed_model_output', 'stop'],
    ['a_future_reason', 'stop'],
  ])('maps stopReason %s to finish_reason %s', (stopReason, finishReason) => {
    expect(JSON.parse(chat.transformResponse(converse({ stopReason }), ctx).body).choices[0].finish_reason).toBe(finishReason);
  });

  it('reports usage null and no usage field when Bedrock sent none', () => {
    const result = chat.transformResponse(converse({ usage: undefined }), ctx);
    expect(result.usage).toBeNull();
    expect(JSON.parse(result.body)).not.toHaveProperty('usage');
  });

  it.each(['not json', '{"output":{}}', '{"output":{"message":{"content":"x"}}}', '[]'])('rejects a body that is not a Converse response: %j', (body) => {
    expect(() => chat.transformResponse(body, ctx)).toThrow(UpstreamResponseError);
  });
});

describe('usageFromBedrock', () => {
  it.each([
    [{ inputTokens: 5, outputTokens: 7, totalTokens: 12 }, { inputTokens: 5, outputTokens: 7, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }],
    [{ inputTokens: 3, outputTokens: 1, cacheReadInputTokens: 2000, totalTokens: 2004 }, { inputTokens: 2003, outputTokens: 1, cachedInputTokens: 2000, cacheWriteTokens: 0, reasoningTokens: 0 }],
    [{ inputTokens: 3, outputTokens: 1, cacheWriteInputTokens: 900, totalTokens: 904 }, { inputTokens: 903, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 900, reasoningTokens: 0 }],
    [{ inputTokens: -1, outputTokens: 'x', cacheReadInputTokens: null }, { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }],
  ])('normalises %j', (raw, expected) => {
    expect(usageFromBedrock(raw)).toEqual(expected);
  });

  it('is null without a usage object', () => {
    expect(usageFromBedrock(undefined)).toBeNull();
  });
});
