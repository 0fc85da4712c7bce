import { describe, expect, it } from 'vitest';
import type { ResponseContext } from '../core/adapter.types';
import { readFixture, readJsonFixture } from '../core/__fixtures__/stream-harness';
import { thrownBy } from '../core/__fixtures__/thrown';
import { UpstreamResponseError } from '../core/errors';
import { geminiAdapter } from './gemini.adapter';

const ctx: ResponseContext = { requestModel: 'gemini-flash', requestId: 'req_01HZX', created: 1735689600 };
const chat = geminiAdapter.chat!;

function response(candidate: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    candidates: [{ content: { parts: [{ text: 'Hello!' }], role: 'model' }, finishReason: 'STOP', index: 0, ...candidate }],
    usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 3, totalTokenCount: 13 },
    modelVersion: 'gemini-2.0-flash',
    ...extra,
  });
}

function choices(body: string) {
  return JSON.parse(chat.transformResponse(body, ctx).body).choices;
}

const thrown = (body: string) => thrownBy(UpstreamResponseError, () => chat.transformResponse(body, ctx));

describe('geminiAdapter.chat.transformResponse', () => {
  it('turns thought, text and function call parts into an OpenAI chat completion with cached and thinking usage', () => {
    const result = chat.transformResponse(readFixture(__dirname, 'chat-response.json'), ctx);
    expect(JSON.parse(result.body)).toEqual(readJsonFixture(__dirname, 'chat-response.expected.json'));
    expect(result.body).toBe(JSON.stringify(JSON.parse(result.body)));
    expect(result.usage).toEqual({ inputTokens: 3544, outputTokens: 161, cachedInputTokens: 2048, cacheWriteTokens: 0, reasoningTokens: 89 });
  });

  it('answers a blocked prompt with a content_filter error instead of an empty answer', () => {
    expect(thrown(readFixture(__dirname, 'chat-response-blocked.json')).error).toEqual({
      status: 400,
      type: 'invalid_request_error',
      code: 'content_filter',
      param: null,
      message: "The prompt was blocked by the provider's content filter (SAFETY).",
      retryable: false,
    });
  });

  it('answers content null with content_filter when the candidate was blocked', () => {
    const body = response({ content: undefined, finishReason: 'SAFETY', safetyRatings: [{ category: 'HARM_CATEGORY_HARASSMENT', probability: 'HIGH', blocked: true }] });
    expect(choices(body)).toEqual([
      { index: 0, message: { role: 'assistant', content: null, refusal: null }, logprobs: null, finish_reason: 'content_filter' },
    ]);
  });

  it('returns one choice per candidate, in index order, numbering tool calls across the response', () => {
    const call = (city: string) => ({ functionCall: { name: 'get_weather', args: { city } } });
    const body = JSON.stringify({
      candidates: [
        { content: { parts: [call('Rome')], role: 'model' }, finishReason: 'STOP', index: 1 },
        { content: { parts: [call('Oslo')], role: 'model' }, finishReason: 'STOP', index: 0 },
      ],
    });
    const result = chat.transformResponse(body, ctx);
    const parsed = JSON.parse(result.body);
    expect(parsed.choices.map((choice: { index: number; message: { tool_calls: Array<{ id: string }> } }) => [choice.index, choice.message.tool_calls[0]!.id])).toEqual([
      [0, 'call_req_01HZX_0'],
      [1, 'call_req_01HZX_1'],
    ]);
    expect(parsed.usage).toBeUndefined();
    expect(result.usage).toBeNull();
  });

  it('counts tool-use prompt tokens as input and ignores parts without a chat counterpart', () => {
    const body = response(
      { content: { parts: [{ executableCode: { language: 'PYTHON', code: 'print(1)' } }, { text: '1' }], role: 'model' } },
      { usageMetadata: { promptTokenCount: 10, toolUsePromptTokenCount: 5, candidatesTokenCount: 3, totalTokenCount: 18 } },
    );
    const result = chat.transformResponse(body, ctx);
    expect(JSON.parse(result.body).choices[0].message.content).toBe('1');
    expect(result.usage).toEqual({ inputTokens: 15, outputTokens: 3, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it('skips empty text parts that only carry a thought signature', () => {
    const parts = [{ functionCall: { name: 'now', args: {} } }, { text: '', thoughtSignature: 'Cg8B0e2Kb2u' }];
    expect(choices(response({ content: { parts, role: 'model' } }))[0].message).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_req_01HZX_0', type: 'function', function: { name: 'now', arguments: '{}' } }],
      refusal: null,
    });
  });

  it.each([
    ['STOP', false, 'stop'],
    ['STOP', true, 'tool_calls'],
    ['MAX_TOKENS', false, 'length'],
    ['MAX_TOKENS', true, 'length'],
    ['SAFETY', false, 'content_filter'],
    ['RECITATION', false, 'content_filter'],
    ['LANGUAGE', false, 'content_filter'],
    ['BLOCKLIST', false, 'content_filter'],
    ['PROHIBITED_CONTENT', false, 'content_filter'],
    ['SPII', false, 'content_filter'],
    ['IMAGE_SAFETY', false, 'content_filter'],
    ['MALFORMED_FUNCTION_CALL', false, 'stop'],
    ['OTHER', false, 'stop'],
    ['FINISH_REASON_UNSPECIFIED', false, 'stop'],
    ['A_FUTURE_REASON', false, 'stop'],
    [undefined, false, 'stop'],
  ])('maps finishReason %s (function calls: %s) to finish_reason %s', (finishReason, called, expected) => {
    const parts = called ? [{ functionCall: { name: 'now', args: {} } }] : [{ text: 'x' }];
    expect(choices(response({ content: { parts, role: 'model' }, finishReason }))[0].finish_reason).toBe(expected);
  });

  it.each([
    ['not json', 'not json'],
    ['an array', '[]'],
    ['no candidates and no block reason', '{"usageMetadata":{"promptTokenCount":3}}'],
  ])('rejects a body that is not a Gemini answer: %s', (_name, body) => {
    expect(thrown(body).error).toMatchObject({ status: 502, code: 'invalid_upstream_response', retryable: true });
  });
});
