import { describe, expect, it } from 'vitest';
import type { ResponseContext } from '../core/adapter.types';
import { expectRunMatchesFixture, readFixture, runStream, runUnderEveryCut } from '../core/__fixtures__/stream-harness';
import { geminiAdapter } from './gemini.adapter';

const ctx: ResponseContext = { requestModel: 'gemini-flash', requestId: 'req_01HZX', created: 1735689600 };
const create = () => geminiAdapter.chat!.createStreamTransformer!(ctx);

const frame = (body: Record<string, unknown>) => `data: ${JSON.stringify(body)}\r\n\r\n`;
const text = (value: string, extra: Record<string, unknown> = {}, index = 0) =>
  frame({ candidates: [{ content: { parts: [{ text: value }], role: 'model' }, index, ...extra }] });
const chunkOf = (event: unknown) => JSON.parse((event as { json: string }).json);

describe('geminiAdapter chat stream', () => {
  it.each([
    ['thoughts, text and cumulative usage with cached tokens', 'chat-stream-text', 'stop', { inputTokens: 1825, outputTokens: 37, cachedInputTokens: 1800, cacheWriteTokens: 0, reasoningTokens: 18 }],
    ['text then two whole function calls, one signed', 'chat-stream-tools', 'tool_calls', { inputTokens: 984, outputTokens: 89, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 55 }],
    ['a safety stop mid-stream', 'chat-stream-safety', 'content_filter', { inputTokens: 21, outputTokens: 4, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }],
    ['a mid-stream error frame', 'chat-stream-error', null, { inputTokens: 12, outputTokens: 2, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 }],
  ])('translates %s, identically under every cut', (_name, fixture, finishReason, usage) => {
    const run = runUnderEveryCut(create, readFixture(__dirname, `${fixture}.sse`));
    expectRunMatchesFixture(run, __dirname, fixture, finishReason, usage);
  });

  it('reports a blocked prompt as a content_filter error before any chunk', () => {
    const run = runStream(create, [
      frame({ promptFeedback: { blockReason: 'PROHIBITED_CONTENT' }, usageMetadata: { promptTokenCount: 9, totalTokenCount: 9 } }),
    ]);
    expect(run.events).toEqual([
      {
        kind: 'error',
        error: {
          status: 400, type: 'invalid_request_error', code: 'content_filter', param: null, retryable: false,
          message: "The prompt was blocked by the provider's content filter (PROHIBITED_CONTENT).",
        },
      },
    ]);
    expect(run.finishReason).toBeNull();
  });

  it('gives every choice its own role and finish, and reports choice 0', () => {
    const run = runStream(create, [
      frame({ candidates: [
        { content: { parts: [{ text: 'A' }], role: 'model' }, index: 0 },
        { content: { parts: [{ text: 'B' }], role: 'model' }, index: 1 },
      ] }),
      text('', { finishReason: 'MAX_TOKENS' }, 1),
      text('!', { finishReason: 'STOP' }, 0),
      text('', { finishReason: 'STOP' }, 0),
    ]);
    expect(run.events.map((event) => (event.kind === 'data' ? chunkOf(event).choices[0] : event.kind))).toEqual([
      { index: 0, delta: { role: 'assistant', content: 'A' }, logprobs: null, finish_reason: null },
      { index: 1, delta: { role: 'assistant', content: 'B' }, logprobs: null, finish_reason: null },
      { index: 1, delta: {}, logprobs: null, finish_reason: 'length' },
      { index: 0, delta: { content: '!' }, logprobs: null, finish_reason: null },
      { index: 0, delta: {}, logprobs: null, finish_reason: 'stop' },
      'done',
    ]);
    expect(run.finishReason).toBe('stop');
    expect(run.usage).toBeNull();
  });

  it('has no finish reason, no usage chunk and no done when the stream is cut short', () => {
    const run = runStream(create, [
      frame({ candidates: [{ content: { parts: [{ text: 'Hel' }], role: 'model' }, index: 0 }], usageMetadata: { promptTokenCount: 5, totalTokenCount: 6 } }),
    ]);
    expect(run.events.map((event) => event.kind)).toEqual(['data']);
    expect(run.finishReason).toBeNull();
    expect(run.usage).toMatchObject({ inputTokens: 5 });
  });

  it('finishes a last frame the upstream did not terminate with a blank line', () => {
    const run = runStream(create, [text('Hi', { finishReason: 'STOP' }).trimEnd()]);
    expect(run.events.map((event) => event.kind)).toEqual(['data', 'data', 'done']);
  });

  it('reports a frame that is not JSON as an upstream error and stops there', () => {
    const run = runStream(create, [text('Hi'), 'data: {"candidates":\n\n', text('more', { finishReason: 'STOP' })]);
    expect(run.events.map((event) => event.kind)).toEqual(['data', 'error']);
    expect(run.events[1]).toEqual({ kind: 'error', error: expect.objectContaining({ status: 502, code: 'invalid_upstream_response' }) });
  });

  it('maps an error frame without a numeric code by its canonical status', () => {
    const run = runStream(create, [frame({ error: { message: 'Internal error encountered.', status: 'INTERNAL' } })]);
    expect(run.events).toEqual([
      { kind: 'error', error: { status: 502, type: 'api_error', code: 'INTERNAL', param: null, message: 'Internal error encountered.', retryable: true } },
    ]);
  });

  it('emits nothing for an empty stream', () => {
    expect(runStream(create, [])).toEqual({ events: [], usage: null, finishReason: null });
  });
});
