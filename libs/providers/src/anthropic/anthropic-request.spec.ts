import type { ChatCompletionRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { ProviderTarget } from '../core/adapter.types';
import { OPENAI_ONLY_FEATURE_REJECTIONS, PENALTY_REJECTIONS, rejectionRows } from '../core/__fixtures__/chat-rejections';
import { readJsonFixture } from '../core/__fixtures__/stream-harness';
import { thrownBy } from '../core/__fixtures__/thrown';
import { AdapterRequestError } from '../core/errors';
import { anthropicAdapter } from './anthropic.adapter';

const target: ProviderTarget = {
  kind: 'anthropic',
  baseUrl: 'https://api.anthropic.com',
  apiKey: 'sk-ant-test',
  upstreamModel: 'claude-sonnet-4-5-20250929',
  headers: { 'Anthropic-Beta': 'fine-grained-tool-streaming-2025-05-14' },
};

function build(patch: Record<string, unknown>, messages: unknown[] = [{ role: 'user', content: 'Hi' }]) {
  const request = { model: 'claude', messages, ...patch } as ChatCompletionRequest;
  return JSON.parse(anthropicAdapter.chat!.buildRequest(request, target, { includeStreamUsage: true }).body!);
}

const rejection = (patch: Record<string, unknown>, messages?: unknown[]) => thrownBy(AdapterRequestError, () => build(patch, messages));

describe('anthropicAdapter.chat.buildRequest', () => {
  it('translates a full conversation with tools into a Messages API request', () => {
    const request = readJsonFixture<ChatCompletionRequest>(__dirname, 'chat-request.json');
    const upstream = anthropicAdapter.chat!.buildRequest(request, target, { includeStreamUsage: true });
    expect({ ...upstream, body: JSON.parse(upstream.body!) }).toEqual(readJsonFixture(__dirname, 'chat-request.expected.json'));
  });

  it('sends a lone system message and plain user text as strings, with the default max_tokens', () => {
    expect(build({}, [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }])).toEqual({
      model: 'claude-sonnet-4-5-20250929',
      system: 'Be brief.',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 4096,
    });
  });

  it('merges consecutive same-role messages and skips empty assistant turns', () => {
    const body = build({}, [
      { role: 'user', content: 'one' },
      { role: 'user', content: [{ type: 'text', text: 'two' }] },
      { role: 'assistant', content: null },
      { role: 'assistant', content: 'three' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'four' }] },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'one' }, { type: 'text', text: 'two' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'three' }, { type: 'text', text: 'four' }] },
    ]);
  });

  it('turns tool calls with empty arguments into empty inputs and drops empty text', () => {
    const body = build({}, [
      { role: 'user', content: 'time?' },
      { role: 'assistant', content: '', tool_calls: [{ id: 'toolu_1', type: 'function', function: { name: 'now', arguments: '' } }] },
    ]);
    expect(body.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'now', input: {} }] });
  });

  it('sends PDF files as document blocks', () => {
    const body = build({}, [
      { role: 'user', content: [{ type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'a.pdf' } }] },
    ]);
    expect(body.messages[0].content).toEqual([{ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' } }]);
  });

  it.each([
    ['none', undefined, { type: 'none' }],
    ['auto', undefined, { type: 'auto' }],
    ['required', undefined, { type: 'any' }],
    [{ type: 'function', function: { name: 'get_weather' } }, undefined, { type: 'tool', name: 'get_weather' }],
    ['auto', false, { type: 'auto', disable_parallel_tool_use: true }],
    [{ type: 'function', function: { name: 'get_weather' } }, false, { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true }],
    ['none', false, { type: 'none' }],
    [undefined, false, { type: 'auto', disable_parallel_tool_use: true }],
    [undefined, true, undefined],
  ])('maps tool_choice %j with parallel_tool_calls %s', (toolChoice, parallel, expected) => {
    const tools = [{ type: 'function', function: { name: 'get_weather' } }];
    const body = build({ tools, tool_choice: toolChoice, parallel_tool_calls: parallel });
    expect(body.tool_choice).toEqual(expected);
    expect(body.tools).toEqual([{ name: 'get_weather', input_schema: { type: 'object', properties: {} } }]);
  });

  it.each([
    [{ max_tokens: 300 }, 300],
    [{ max_completion_tokens: 200 }, 200],
    [{ max_tokens: 300, max_completion_tokens: 200 }, 200],
    [{ max_tokens: null }, 4096],
  ])('sets max_tokens from %j', (patch, expected) => {
    expect(build(patch).max_tokens).toBe(expected);
  });

  it('maps structured output, effort and stop', () => {
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'], additionalProperties: false };
    const body = build({
      response_format: { type: 'json_schema', json_schema: { name: 'result', schema, strict: true } },
      reasoning_effort: 'high',
      stop: ['a', 'b'],
    });
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema }, effort: 'high' });
    expect(body.stop_sequences).toEqual(['a', 'b']);
    expect(build({ response_format: { type: 'text' }, reasoning_effort: 'none' }).output_config).toBeUndefined();
  });

  it('ignores OpenAI platform hints and neutral values, and drops unknown fields', () => {
    const body = build({
      seed: 1, store: true, metadata: { a: 'b' }, service_tier: 'auto', prediction: { type: 'content', content: 'x' },
      stream_options: { include_usage: true }, logprobs: false, top_logprobs: 0, logit_bias: {}, presence_penalty: 0,
      frequency_penalty: 0, modalities: ['text'], n: 1, web_search_options: {},
    });
    expect(body).toEqual({ model: target.upstreamModel, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 4096 });
  });

  it.each([
    ['n above 1', { n: 2 }, undefined, 'n'],
    ['temperature above 1', { temperature: 1.5 }, undefined, 'temperature'],
    ...rejectionRows([...OPENAI_ONLY_FEATURE_REJECTIONS, ...PENALTY_REJECTIONS], undefined),
    ['json_object mode', { response_format: { type: 'json_object' } }, undefined, 'response_format.type'],
    ['json_schema without schema', { response_format: { type: 'json_schema', json_schema: { name: 'x' } } }, undefined, 'response_format.json_schema.schema'],
    ['minimal reasoning effort', { reasoning_effort: 'minimal' }, undefined, 'reasoning_effort'],
    ['custom tools', { tools: [{ type: 'custom', custom: { name: 'c' } }] }, undefined, 'tools[0].type'],
    ['allowed_tools choice', { tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [] } } }, undefined, 'tool_choice'],
    ['audio input', {}, [{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'input_audio', input_audio: { data: 'AA==', format: 'wav' } }] }], 'messages[0].content[1].type'],
    ['a TIFF data URL', {}, [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/tiff;base64,AAAA' } }] }], 'messages[0].content[0].image_url.url'],
    ['an ftp image URL', {}, [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/y.png' } }] }], 'messages[0].content[0].image_url.url'],
    ['an uploaded file id', {}, [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }], 'messages[0].content[0].file'],
    ['tool arguments that are not JSON', {}, [{ role: 'user', content: 'x' }, { role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{city:' } }] }], 'messages[1].tool_calls[0].function.arguments'],
    ['tool arguments that are a JSON array', {}, [{ role: 'user', content: 'x' }, { role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '[1]' } }] }], 'messages[1].tool_calls[0].function.arguments'],
    ['a legacy function message', {}, [{ role: 'function', name: 'f', content: '1' }], 'messages[0].role'],
    ['a legacy assistant function_call', {}, [{ role: 'assistant', function_call: { name: 'f', arguments: '{}' } }], 'messages[0].function_call'],
  ])('rejects %s with a 400 naming the param', (_name, patch, messages, param) => {
    const error = rejection(patch, messages);
    expect(error.status).toBe(400);
    expect(error.param).toBe(param);
    expect(error.message).not.toBe('');
  });
});
