import type { ChatCompletionRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { ProviderTarget, UpstreamRequest } from '../core/adapter.types';
import { OPENAI_ONLY_FEATURE_REJECTIONS, rejectionRows } from '../core/__fixtures__/chat-rejections';
import { readJsonFixture } from '../core/__fixtures__/stream-harness';
import { thrownBy } from '../core/__fixtures__/thrown';
import { AdapterRequestError } from '../core/errors';
import { geminiAdapter } from './gemini.adapter';

const target: ProviderTarget = {
  kind: 'gemini',
  baseUrl: 'https://generativelanguage.googleapis.com/',
  apiKey: 'AIzaSy-test-key',
  upstreamModel: 'models/gemini-2.5-flash',
  headers: { 'X-Goog-Api-Client': 'ai-router/0.1' },
};

function upstream(patch: Record<string, unknown>, messages: unknown[], model?: string): UpstreamRequest {
  const request = { model: 'gemini-flash', messages, ...patch } as ChatCompletionRequest;
  const to = model ? { ...target, upstreamModel: model } : target;
  return geminiAdapter.chat!.buildRequest(request, to, { includeStreamUsage: true }) as UpstreamRequest;
}

function build(patch: Record<string, unknown>, messages: unknown[] = [{ role: 'user', content: 'Hi' }], model?: string) {
  return JSON.parse(upstream(patch, messages, model).body as string);
}

const rejection = (patch: Record<string, unknown>, messages?: unknown[], model?: string) =>
  thrownBy(AdapterRequestError, () => build(patch, messages, model));

const weatherTool = { type: 'function', function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };

describe('geminiAdapter.chat.buildRequest', () => {
  it('translates a full conversation with tools, images, audio and structured output', () => {
    const request = readJsonFixture<ChatCompletionRequest>(__dirname, 'chat-request.json');
    const built = geminiAdapter.chat!.buildRequest(request, target, { includeStreamUsage: true }) as UpstreamRequest;
    expect({ ...built, body: JSON.parse(built.body as string) }).toEqual(readJsonFixture(__dirname, 'chat-request.expected.json'));
  });

  it('calls generateContent without streaming and keeps the key out of the URL', () => {
    const built = upstream({}, [{ role: 'user', content: 'Hi' }], 'gemini-2.0-flash');
    expect(built.method).toBe('POST');
    expect(built.url).toBe('https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent');
    expect(built.url).not.toContain('AIzaSy');
    expect(built.headers).toEqual({ 'content-type': 'application/json', 'x-goog-api-client': 'ai-router/0.1', 'x-goog-api-key': 'AIzaSy-test-key' });
    expect(JSON.parse(built.body as string)).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] });
  });

  it('addresses tuned models by their own resource name', () => {
    expect(upstream({ stream: true }, [{ role: 'user', content: 'Hi' }], 'tunedModels/my-model-1a2b').url).toBe(
      'https://generativelanguage.googleapis.com/v1beta/tunedModels/my-model-1a2b:streamGenerateContent?alt=sse',
    );
  });

  it('does not let static account headers replace the key', () => {
    const built = geminiAdapter.chat!.buildRequest(
      { model: 'm', messages: [{ role: 'user', content: 'Hi' }] },
      { ...target, headers: { 'X-Goog-Api-Key': 'other' } },
      { includeStreamUsage: true },
    ) as UpstreamRequest;
    expect(built.headers['x-goog-api-key']).toBe('AIzaSy-test-key');
  });

  it('merges consecutive same-role messages, skips empty turns and keeps refusals as model text', () => {
    const body = build({}, [
      { role: 'user', content: 'one' },
      { role: 'user', content: [{ type: 'text', text: 'two' }, { type: 'text', text: '' }] },
      { role: 'assistant', content: null },
      { role: 'assistant', content: 'three' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'four' }] },
      { role: 'user', content: '' },
    ]);
    expect(body.contents).toEqual([
      { role: 'user', parts: [{ text: 'one' }, { text: 'two' }] },
      { role: 'model', parts: [{ text: 'three' }, { text: 'four' }] },
    ]);
    expect(body.systemInstruction).toBeUndefined();
  });

  it('sends tool calls with empty arguments as empty args and non-object JSON results as content', () => {
    const body = build({}, [
      { role: 'user', content: 'time?' },
      { role: 'assistant', content: '', tool_calls: [{ id: 't1', type: 'function', function: { name: 'now', arguments: '' } }] },
      { role: 'tool', tool_call_id: 't1', content: '[1,2]' },
    ]);
    expect(body.contents.slice(1)).toEqual([
      { role: 'model', parts: [{ functionCall: { name: 'now', args: {} } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'now', response: { content: '[1,2]' } } }] },
    ]);
  });

  it.each([
    ['a Gemini 3 model', 'gemini-3-pro-preview', 'skip_thought_signature_validator'],
    ['a model whose generation is unknown', 'gemini-flash-latest', 'skip_thought_signature_validator'],
    ['a Gemini 2.5 model', 'gemini-2.5-pro', undefined],
  ])('replays unsigned function calls to %s with signature %s on the first call only', (_name, model, signature) => {
    const calls = [
      { id: 'a', type: 'function', function: { name: 'f', arguments: '{}' } },
      { id: 'b', type: 'function', function: { name: 'f', arguments: '{}' } },
    ];
    const body = build({}, [{ role: 'user', content: 'go' }, { role: 'assistant', tool_calls: calls }], model);
    expect(body.contents[1].parts.map((part: { thoughtSignature?: string }) => part.thoughtSignature)).toEqual([signature, undefined]);
  });

  it('sends PDFs and other data URL files inline', () => {
    const body = build({}, [{ role: 'user', content: [{ type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'a.pdf' } }] }]);
    expect(body.contents[0].parts).toEqual([{ inlineData: { mimeType: 'application/pdf', data: 'JVBERi0xLjQK' } }]);
  });

  it.each([
    ['none', { mode: 'NONE' }],
    ['auto', { mode: 'AUTO' }],
    ['required', { mode: 'ANY' }],
    [{ type: 'function', function: { name: 'get_weather' } }, { mode: 'ANY', allowedFunctionNames: ['get_weather'] }],
    [
      { type: 'allowed_tools', allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_weather' } }] } },
      { mode: 'ANY', allowedFunctionNames: ['get_weather'] },
    ],
    [undefined, undefined],
  ])('maps tool_choice %j', (toolChoice, expected) => {
    const body = build({ tools: [weatherTool], tool_choice: toolChoice });
    expect(body.toolConfig?.functionCallingConfig).toEqual(expected);
    expect(body.tools).toEqual([{ functionDeclarations: [{ name: 'get_weather', parameters: { type: 'OBJECT', properties: { city: { type: 'STRING' } } } }] }]);
  });

  it.each([
    [{ max_tokens: 300 }, 300],
    [{ max_completion_tokens: 200 }, 200],
    [{ max_tokens: 300, max_completion_tokens: 200 }, 200],
    [{ max_tokens: null }, undefined],
  ])('sets maxOutputTokens from %j', (patch, expected) => {
    expect(build(patch).generationConfig?.maxOutputTokens).toBe(expected);
  });

  it.each([
    ['gemini-2.5-flash', 'none', { thinkingBudget: 0 }],
    ['gemini-2.5-flash', 'minimal', { includeThoughts: true, thinkingBudget: 512 }],
    ['gemini-2.5-pro', 'medium', { includeThoughts: true, thinkingBudget: 8192 }],
    ['gemini-2.5-flash-lite', 'high', { includeThoughts: true, thinkingBudget: 24576 }],
    ['gemini-flash-latest', 'low', { includeThoughts: true, thinkingBudget: 1024 }],
    ['gemini-3-pro-preview', 'low', { includeThoughts: true, thinkingLevel: 'LOW' }],
    ['gemini-3-flash-preview', 'minimal', { includeThoughts: true, thinkingLevel: 'MINIMAL' }],
    ['models/gemini-3.1-pro', 'high', { includeThoughts: true, thinkingLevel: 'HIGH' }],
  ])('maps reasoning_effort for %s: %s', (model, effort, expected) => {
    expect(build({ reasoning_effort: effort }, undefined, model).generationConfig.thinkingConfig).toEqual(expected);
  });

  it('asks for JSON for json_object, and for nothing special for text', () => {
    expect(build({ response_format: { type: 'json_object' } }).generationConfig).toEqual({ responseMimeType: 'application/json' });
    expect(build({ response_format: { type: 'text' } }).generationConfig).toBeUndefined();
  });

  it('converts schema keywords Gemini lacks and inlines references', () => {
    const parameters = {
      type: 'object',
      properties: {
        id: { type: ['string', 'integer'] },
        choice: { oneOf: [{ type: 'string' }, { type: 'number', format: 'double' }] },
        level: { type: 'integer', enum: [1, 2, 3] },
        address: { allOf: [{ $ref: '#/definitions/Address' }], description: 'Where' },
        tags: { type: 'array', items: { type: 'string', format: 'uri' }, maxItems: 3 },
      },
      definitions: { Address: { type: 'object', properties: { street: { type: 'string' } }, required: ['street'] } },
    };
    const body = build({ tools: [{ type: 'function', function: { name: 'save', parameters } }] });
    expect(body.tools[0].functionDeclarations[0].parameters.properties).toEqual({
      id: { anyOf: [{ type: 'STRING' }, { type: 'INTEGER' }] },
      choice: { anyOf: [{ type: 'STRING' }, { type: 'NUMBER', format: 'double' }] },
      level: { type: 'INTEGER' },
      address: { type: 'OBJECT', properties: { street: { type: 'STRING' } }, required: ['street'], description: 'Where' },
      tags: { type: 'ARRAY', items: { type: 'STRING' }, maxItems: 3 },
    });
  });

  it('ignores OpenAI platform hints and neutral values, and drops unknown fields', () => {
    const body = build({
      user: 'u', store: true, metadata: { a: 'b' }, service_tier: 'auto', prediction: { type: 'content', content: 'x' },
      stream_options: { include_usage: true }, logprobs: false, top_logprobs: 0, logit_bias: {}, presence_penalty: 0,
      frequency_penalty: 0, modalities: ['text'], n: 1, parallel_tool_calls: true, stop: [], web_search_options: {},
    });
    expect(body).toEqual({ contents: [{ role: 'user', parts: [{ text: 'Hi' }] }] });
  });

  it('passes Gemini-native safety settings through', () => {
    const settings = [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', threshold: 'BLOCK_ONLY_HIGH' }];
    expect(build({ safety_settings: settings }).safetySettings).toEqual(settings);
  });

  const call = (args: string) => [{ role: 'user', content: 'x' }, { role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: args } }] }];

  it.each([
    ['n above 8', { n: 9 }, undefined, undefined, 'n'],
    ['temperature above 2', { temperature: 2.5 }, undefined, undefined, 'temperature'],
    ['top_p above 1', { top_p: 1.5 }, undefined, undefined, 'top_p'],
    ['six stop sequences', { stop: ['a', 'b', 'c', 'd', 'e', 'f'] }, undefined, undefined, 'stop'],
    ...rejectionRows(OPENAI_ONLY_FEATURE_REJECTIONS, undefined, undefined),
    ['parallel_tool_calls false', { parallel_tool_calls: false }, undefined, undefined, 'parallel_tool_calls'],
    ['xhigh reasoning effort', { reasoning_effort: 'xhigh' }, undefined, undefined, 'reasoning_effort'],
    ['no thinking on Gemini 3', { reasoning_effort: 'none' }, undefined, 'gemini-3-pro-preview', 'reasoning_effort'],
    ['custom tools', { tools: [{ type: 'custom', custom: { name: 'c' } }] }, undefined, undefined, 'tools[0].type'],
    ['allowed_tools in auto mode', { tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [] } } }, undefined, undefined, 'tool_choice'],
    ['a recursive schema', { tools: [{ type: 'function', function: { name: 'tree', parameters: { type: 'object', properties: { node: { $ref: '#/$defs/Node' } }, $defs: { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } } } } } }] }, undefined, undefined, 'tools[0].function.parameters'],
    ['a remote schema reference', { response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { $ref: 'https://example.com/s.json' } } } }, undefined, undefined, 'response_format.json_schema.schema'],
    ['an uploaded file id', {}, [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }], undefined, 'messages[0].content[0].file'],
    ['an ftp image URL', {}, [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'ftp://x/y.png' } }] }], undefined, 'messages[0].content[0].image_url.url'],
    ['tool arguments that are not JSON', {}, call('{city:'), undefined, 'messages[1].tool_calls[0].function.arguments'],
    ['tool arguments that are a JSON array', {}, call('[1]'), undefined, 'messages[1].tool_calls[0].function.arguments'],
    ['a tool result for an unknown call', {}, [{ role: 'user', content: 'x' }, { role: 'tool', tool_call_id: 'nope', content: '1' }], undefined, 'messages[1].tool_call_id'],
    ['a legacy function message', {}, [{ role: 'function', name: 'f', content: '1' }], undefined, 'messages[0].role'],
    ['a legacy assistant function_call', {}, [{ role: 'assistant', function_call: { name: 'f', arguments: '{}' } }], undefined, 'messages[0].function_call'],
    ['only a system message', {}, [{ role: 'system', content: 'Be brief.' }], undefined, 'messages'],
  ])('rejects %s with a 400 naming the param', (_name, patch, messages, model, param) => {
    const error = rejection(patch, messages, model);
    expect(error.status).toBe(400);
    expect(error.param).toBe(param);
    expect(error.message).not.toBe('');
  });
});
