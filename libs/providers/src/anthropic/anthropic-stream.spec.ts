import { describe, expect, it } from 'vitest';
import type { ResponseContext } from '../core/adapter.types';
import { expectRunMatchesFixture, readFixture, runStream, runUnderEveryCut } from '../core/__fixtures__/stream-harness';
import { anthropicAdapter } from './anthropic.adapter';

const ctx: ResponseContext = { requestModel: 'claude-sonnet', requestId: 'req_01HZX', created: 1735689600 };
const create = () => anthropicAdapter.chat!.createStreamTransformer!(ctx);

const frame = (type: string, body: Record<string, unknown>) => `event: ${type}\ndata: ${JSON.stringify({ type, ...body })}\n\n`;
const messageStart = frame('message_start', { message: { id: 'msg_1', type: 'message', role: 'assistant', content: [], usage: { input_tokens: 5, output_tokens: 1 } } });

describe('anthropicAdapter chat stream', () => {
  it.each([
    ['text with thinking, ping and cumulative usage', 'chat-stream-text', 'stop', { inputTokens: 1825, outputTokens: 31, cachedInputTokens: 1800, cacheWriteTokens: 0, reasoningTokens: 12 }],
    ['text then two streamed tool calls', 'chat-stream-tools', 'tool_calls', { inputTokens: 984, outputTokens: 89, cachedInputTokens: 0, cacheWriteTokens: 512, reasoningTokens: 0 }],
    ['a mid-stream overloaded error', 'chat-stream-error', null, { inputTokens: 12, outputTokens: 1, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }],
  ])('translates %s, identically under every cut', (_name, fixture, finishReason, usage) => {
    const run = runUnderEveryCut(create, readFixture(__dirname, `${fixture}.sse`));
    expectRunMatchesFixture(run, __dirname, fixture, finishReason, usage);
  });

  it('puts the assistant role on the first chunk even without message_start', () => {
    const run = runStream(create, [frame('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Hi' } })]);
    expect(JSON.parse((run.events[0] as { json: string }).json).choices[0].delta).toEqual({ role: 'assistant', content: 'Hi' });
  });

  it('ignores unknown events and blocks, and stops after an error', () => {
    const run = runStream(create, [
      messageStart,
      frame('content_block_start', { index: 0, content_block: { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: {} } }),
      frame('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: '{"query":' } }),
      frame('content_block_delta', { index: 0, delta: { type: 'citations_delta', citation: {} } }),
      frame('a_future_event', {}),
      frame('error', { error: { type: 'api_error', message: 'Internal server error' } }),
      frame('message_stop', {}),
    ]);
    expect(run.events.map((event) => event.kind)).toEqual(['data', 'error']);
    expect(run.events[1]).toEqual({
      kind: 'error',
      error: { status: 502, type: 'api_error', code: 'api_error', param: null, message: 'Internal server error', retryable: true },
    });
  });

  it('reports a frame that is not JSON as an upstream error', () => {
    const run = runStream(create, [messageStart, 'event: content_block_delta\ndata: {"type":\n\n']);
    expect(run.events[1]).toEqual({ kind: 'error', error: expect.objectContaining({ status: 502, code: 'invalid_upstream_response' }) });
  });

  it('has no finish reason and no done when the stream is cut short', () => {
    const run = runStream(create, [messageStart, frame('content_block_start', { index: 0, content_block: { type: 'text', text: '' } })]);
    expect(run.events.map((event) => event.kind)).toEqual(['data']);
    expect(run.finishReason).toBeNull();
    expect(run.usage).toMatchObject({ inputTokens: 5, outputTokens: 1 });
  });
});
