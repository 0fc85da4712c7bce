import { describe, expect, it } from 'vitest';
import type { ResponseContext, StreamTransformer } from '../core/adapter.types';
import { expectRunMatchesFixture, runStream, runUnderEveryByteCut } from '../core/__fixtures__/stream-harness';
import { codec, concatBytes, encodeFrame, encodeTranscript, handBuiltFrame, readTranscript } from './__fixtures__/event-stream-frames';
import { bedrockAdapter } from './bedrock.adapter';

const ctx: ResponseContext = { requestModel: 'claude-sonnet', requestId: 'req_01JBEDROCK', created: 1735689600 };
const create = (): StreamTransformer => bedrockAdapter.chat!.createStreamTransformer!(ctx);

const messageStart = encodeFrame({ event: 'messageStart', payload: { role: 'assistant' } });
const usage = (inputTokens: number, outputTokens: number) => ({ inputTokens, outputTokens, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });

describe('bedrockAdapter chat stream', () => {
  it.each([
    ['text with cache reads', 'chat-stream-text', 'stop', { ...usage(1825, 18), cachedInputTokens: 1800 }],
    ['reasoning then text, cut by max_tokens', 'chat-stream-reasoning', 'length', usage(48, 64)],
    ['text then two streamed tool uses', 'chat-stream-tools', 'tool_calls', { ...usage(984, 89), cacheWriteTokens: 512 }],
    ['a mid-stream modelStreamErrorException', 'chat-stream-exception', null, null],
  ])('translates %s, identically under every cut', (_name, fixture, finishReason, expectedUsage) => {
    const run = runUnderEveryByteCut(create, readTranscript(__dirname, `${fixture}.frames.json`));
    expectRunMatchesFixture(run, __dirname, fixture, finishReason, expectedUsage);
  });

  it.each([
    ['throttlingException', 429, 'rate_limit_error', true],
    ['modelStreamErrorException', 502, 'api_error', true],
    ['internalServerException', 502, 'api_error', true],
    ['serviceUnavailableException', 503, 'api_error', true],
    ['modelTimeoutException', 504, 'api_error', true],
    ['validationException', 400, 'invalid_request_error', false],
    ['aFutureException', 502, 'api_error', true],
  ])('maps an exception frame %s to %i %s (retryable %s)', (exception, status, type, retryable) => {
    const bytes = concatBytes([messageStart, encodeFrame({ exception, payload: { message: 'details' } })]);
    const run = runStream(create, [bytes]);
    expect(run.events[1]).toEqual({
      kind: 'error',
      error: { status, type, code: exception.charAt(0).toUpperCase() + exception.slice(1), param: null, message: 'details', retryable },
    });
  });

  it('reads an error frame (`:message-type: error`) from its headers', () => {
    const str = (value: string) => ({ type: 'string' as const, value });
    const frame = codec.encode({
      headers: { ':message-type': str('error'), ':error-code': str('InternalFailure'), ':error-message': str('We encountered an internal error.') },
      body: new Uint8Array(0),
    });
    expect(runStream(create, [frame]).events).toEqual([
      { kind: 'error', error: { status: 502, type: 'api_error', code: 'InternalFailure', param: null, message: 'We encountered an internal error.', retryable: true } },
    ]);
  });

  it('turns a frame with a corrupted CRC into an error event after the chunks before it, under every cut', () => {
    const delta = encodeFrame({ event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { text: 'Hi' } } });
    const corrupted = delta.slice();
    corrupted[corrupted.length - 1] ^= 0x01;
    const run = runUnderEveryByteCut(create, concatBytes([messageStart, delta, corrupted, delta]));
    expect(run.events.map((event) => event.kind)).toEqual(['data', 'data', 'error']);
    expect(run.events[2]).toEqual({ kind: 'error', error: expect.objectContaining({ status: 502, code: 'invalid_upstream_response', retryable: true }) });
    expect(run.events[2]).toMatchObject({ error: { message: expect.stringContaining('an event stream frame is corrupt') } });
  });

  it('reads a hand-built frame like an encoded one', () => {
    const headers: Array<[string, string]> = [[':event-type', 'contentBlockDelta'], [':content-type', 'application/json'], [':message-type', 'event']];
    const run = runStream(create, [handBuiltFrame(headers, '{"contentBlockIndex":0,"delta":{"text":"Hi"},"p":"abc"}')]);
    expect(JSON.parse((run.events[0] as { json: string }).json).choices[0].delta).toEqual({ role: 'assistant', content: 'Hi' });
  });

  it('ignores unknown events, unknown deltas and deltas of blocks it never saw start', () => {
    const run = runStream(create, [
      encodeTranscript([
        { event: 'messageStart', payload: { role: 'assistant' } },
        { event: 'aFutureEvent', payload: { anything: true } },
        { event: 'contentBlockStart', payload: { contentBlockIndex: 0, start: { image: { format: 'png' } } } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { citation: { title: 'x' } } } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 3, delta: { toolUse: { input: '{"a":1}' } } } },
        { event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { reasoningContent: { redactedContent: 'AAAA' } } } },
        { event: 'messageStop', payload: { stopReason: 'guardrail_intervened' } },
        { event: 'metadata', payload: { metrics: { latencyMs: 10 } } },
      ]),
    ]);
    const choice = (json: string) => JSON.parse(json).choices[0];
    expect(run.events.map((event) => (event.kind === 'data' ? [choice(event.json).delta, choice(event.json).finish_reason] : event.kind))).toEqual([
      [{ role: 'assistant', content: '' }, null],
      [{}, 'content_filter'],
      'done',
    ]);
    expect(run.usage).toBeNull();
  });

  it('puts the assistant role on the first chunk even without messageStart', () => {
    const run = runStream(create, [encodeFrame({ event: 'contentBlockDelta', payload: { contentBlockIndex: 0, delta: { text: 'Hi' } } })]);
    expect(JSON.parse((run.events[0] as { json: string }).json).choices[0].delta).toEqual({ role: 'assistant', content: 'Hi' });
  });

  it('reports a payload that is not JSON, and emits nothing afterwards', () => {
    const broken = codec.encode({
      headers: { ':event-type': { type: 'string', value: 'contentBlockDelta' }, ':message-type': { type: 'string', value: 'event' } },
      body: new TextEncoder().encode('{"delta":'),
    });
    const transformer = create();
    expect(transformer.push(concatBytes([messageStart, broken])).map((event) => event.kind)).toEqual(['data', 'error']);
    expect(transformer.push(messageStart)).toEqual([]);
    expect(transformer.end()).toEqual([]);
  });

  it('has no finish reason and no done when the stream stops between frames, and an error when inside one', () => {
    const between = runStream(create, [messageStart]);
    expect(between.events.map((event) => event.kind)).toEqual(['data']);
    expect(between.finishReason).toBeNull();
    const inside = runStream(create, [messageStart, encodeFrame({ event: 'messageStop', payload: { stopReason: 'end_turn' } }).subarray(0, 20)]);
    expect(inside.events.map((event) => event.kind)).toEqual(['data', 'error']);
    expect(inside.events[1]).toMatchObject({ error: { message: expect.stringContaining('ended inside a frame') } });
  });
});
