import { describe, expect, it } from 'vitest';
import type { ResponseContext } from '../core/adapter.types';
import { readFixture, readJsonFixture } from '../core/__fixtures__/stream-harness';
import { UpstreamResponseError } from '../core/errors';
import { anthropicAdapter } from './anthropic.adapter';

const ctx: ResponseContext = { requestModel: 'claude-sonnet', requestId: 'req_01HZX', created: 1735689600 };
const chat = anthropicAdapter.chat!;

function message(patch: Record<string, unknown>): string {
  return JSON.stringify({
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-haiku-4-5',
    content: [{ type: 'text', text: 'Hello!' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 3 },
    ...patch,
  });
}

describe('anthropicAdapter.chat.transformResponse', () => {
  it('turns thinking, text and tool_use blocks into an OpenAI chat completion with cache usage', () => {
    const result = chat.transformResponse(readFixture(__dirname, 'chat-response.json'), ctx);
    expect(JSON.parse(result.body)).toEqual(readJsonFixture(__dirname, 'chat-response.expected.json'));
    expect(result.body).toBe(JSON.stringify(JSON.parse(result.body)));
    expect(result.usage).toEqual({ inputTokens: 3544, outputTokens: 89, cachedInputTokens: 2048, cacheWriteTokens: 1024, reasoningTokens: 17 });
  });

  it('joins text blocks and leaves out absent tool calls and reasoning', () => {
    const body = message({ content: [{ type: 'text', text: 'Hel' }, { type: 'redacted_thinking', data: 'x' }, { type: 'text', text: 'lo' }] });
    expect(JSON.parse(chat.transformResponse(body, ctx).body).choices[0].message).toEqual({ role: 'assistant', content: 'Hello', refusal: null });
  });

  it('answers content null when the model only called tools', () => {
    const body = message({ content: [{ type: 'tool_use', id: 'toolu_1', name: 'now', input: {} }], stop_reason: 'tool_use' });
    expect(JSON.parse(chat.transformResponse(body, ctx).body).choices[0].message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'now', arguments: '{}' } }],
      refusal: null,
    });
  });

  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['pause_turn', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['refusal', 'content_filter'],
    ['a_future_reason', 'stop'],
  ])('maps stop_reason %s to finish_reason %s', (stopReason, finishReason) => {
    expect(JSON.parse(chat.transformResponse(message({ stop_reason: stopReason }), ctx).body).choices[0].finish_reason).toBe(finishReason);
  });

  it.each(['not json', '{"type":"message"}', '[]'])('rejects a body that is not an Anthropic message: %j', (body) => {
    expect(() => chat.transformResponse(body, ctx)).toThrow(UpstreamResponseError);
  });
});
