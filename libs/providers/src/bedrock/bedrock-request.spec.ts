import type { ChatCompletionRequest } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { ProviderTarget, UpstreamRequest } from '../core/adapter.types';
import { OPENAI_ONLY_FEATURE_REJECTIONS, PENALTY_REJECTIONS, rejectionRows } from '../core/__fixtures__/chat-rejections';
import { readJsonFixture } from '../core/__fixtures__/stream-harness';
import { rejectedWith } from '../core/__fixtures__/thrown';
import { AdapterRequestError } from '../core/errors';
import { sha256Hex } from './__fixtures__/sigv4-reference';
import { BedrockConfigurationError } from './bedrock-api';
import { bedrockAdapter } from './bedrock.adapter';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const target: ProviderTarget = {
  kind: 'bedrock',
  baseUrl: '',
  apiKey: JSON.stringify({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET, sessionToken: 'session-token-1' }),
  upstreamModel: 'eu.anthropic.claude-sonnet-4-5-20250929-v1:0',
  settings: { region: 'eu-central-1' },
  headers: { 'X-Team': 'search' },
};

/** The request without the headers that depend on the clock and the signature, after checking their form. */
function stable(upstream: UpstreamRequest) {
  const { authorization, 'x-amz-date': date, 'x-amz-content-sha256': hash, 'x-amz-security-token': token, ...headers } = upstream.headers;
  expect(authorization).toMatch(
    /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-central-1\/bedrock\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
  );
  expect(date).toMatch(/^\d{8}T\d{6}Z$/);
  expect(hash).toBe(sha256Hex(upstream.body as string));
  expect(token).toBe('session-token-1');
  return { method: upstream.method, url: upstream.url, headers, body: JSON.parse(upstream.body as string) };
}

async function build(patch: Record<string, unknown>, messages: unknown[] = [{ role: 'user', content: 'Hi' }], on: ProviderTarget = target) {
  const request = { model: 'claude', messages, ...patch } as ChatCompletionRequest;
  return stable(await bedrockAdapter.chat!.buildRequest(request, on, { includeStreamUsage: true }));
}

const rejection = (patch: Record<string, unknown>, messages?: unknown[]) => rejectedWith(AdapterRequestError, () => build(patch, messages));

const weatherTool = { type: 'function', function: { name: 'get_weather' } };
const toolHistory = [
  { role: 'user', content: 'Weather in Paris?' },
  { role: 'assistant', tool_calls: [{ id: 't1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
  { role: 'tool', tool_call_id: 't1', content: '18C' },
];

describe('bedrockAdapter.chat.buildRequest', () => {
  it('translates a full conversation with tools into a signed ConverseStream request', async () => {
    const request = readJsonFixture<ChatCompletionRequest>(__dirname, 'chat-request.json');
    const upstream = await bedrockAdapter.chat!.buildRequest(request, target, { includeStreamUsage: true });
    expect(stable(upstream)).toEqual(readJsonFixture(__dirname, 'chat-request.expected.json'));
  });

  it('calls Converse for a plain request, at the configured base URL, with the model ARN escaped', async () => {
    const arn = 'arn:aws:bedrock:eu-central-1:123456789012:application-inference-profile/a1b2c3d4e5f6';
    const mock = { ...target, baseUrl: 'http://127.0.0.1:4010/', upstreamModel: arn };
    expect(await build({}, [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }], mock)).toEqual({
      method: 'POST',
      url: 'http://127.0.0.1:4010/model/arn%3Aaws%3Abedrock%3Aeu-central-1%3A123456789012%3Aapplication-inference-profile%2Fa1b2c3d4e5f6/converse',
      headers: { 'content-type': 'application/json', 'x-team': 'search', host: '127.0.0.1:4010' },
      body: { system: [{ text: 'Be brief.' }], messages: [{ role: 'user', content: [{ text: 'Hi' }] }] },
    });
  });

  it('merges consecutive same-role messages and drops empty text and empty assistant turns', async () => {
    const { body } = await build({}, [
      { role: 'user', content: 'one' },
      { role: 'user', content: [{ type: 'text', text: 'two' }, { type: 'text', text: '' }] },
      { role: 'assistant', content: null },
      { role: 'user', content: '' },
      { role: 'assistant', content: 'three' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'four' }] },
    ]);
    expect(body.messages).toEqual([
      { role: 'user', content: [{ text: 'one' }, { text: 'two' }] },
      { role: 'assistant', content: [{ text: 'three' }, { text: 'four' }] },
    ]);
  });

  it('sends tool calls with empty arguments as empty inputs and empty tool results without blocks', async () => {
    const { body } = await build({ tools: [weatherTool] }, [
      { role: 'user', content: 'time?' },
      { role: 'assistant', content: '', tool_calls: [{ id: 't1', type: 'function', function: { name: 'now', arguments: '' } }] },
      { role: 'tool', tool_call_id: 't1', content: '' },
    ]);
    expect(body.messages.slice(1)).toEqual([
      { role: 'assistant', content: [{ toolUse: { toolUseId: 't1', name: 'now', input: {} } }] },
      { role: 'user', content: [{ toolResult: { toolUseId: 't1', content: [] } }] },
    ]);
  });

  it.each([
    ['auto', { tools: [expect.anything()], toolChoice: { auto: {} } }],
    ['required', { tools: [expect.anything()], toolChoice: { any: {} } }],
    [{ type: 'function', function: { name: 'get_weather' } }, { tools: [expect.anything()], toolChoice: { tool: { name: 'get_weather' } } }],
    [undefined, { tools: [{ toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: {} } } } }] }],
    ['none', undefined],
  ])('maps tool_choice %j', async (toolChoice, expected) => {
    expect((await build({ tools: [weatherTool], tool_choice: toolChoice, parallel_tool_calls: true })).body.toolConfig).toEqual(expected);
  });

  it('keeps the tools for tool_choice none only when it is honoured, and needs none without tools', async () => {
    expect((await build({ tool_choice: 'none' }, toolHistory)).body.toolConfig).toBeUndefined();
    expect((await rejection({ tools: [weatherTool], tool_choice: 'none' }, toolHistory)).param).toBe('tool_choice');
  });

  it.each([
    [{ max_tokens: 300 }, { maxTokens: 300 }],
    [{ max_completion_tokens: 200 }, { maxTokens: 200 }],
    [{ max_tokens: 300, max_completion_tokens: 200 }, { maxTokens: 200 }],
    [{ max_tokens: null, temperature: 0, top_p: 1 }, { temperature: 0, topP: 1 }],
    [{ stop: ['a', 'b'] }, { stopSequences: ['a', 'b'] }],
    [{ stop: [] }, undefined],
  ])('sets inferenceConfig from %j', async (patch, expected) => {
    expect((await build(patch)).body.inferenceConfig).toEqual(expected);
  });

  it('ignores OpenAI platform hints and neutral values, and drops unknown fields', async () => {
    const { body } = await build({
      seed: 1, store: true, metadata: { a: 'b' }, service_tier: 'auto', prediction: { type: 'content', content: 'x' },
      stream_options: { include_usage: true }, logprobs: false, top_logprobs: 0, logit_bias: {}, presence_penalty: 0,
      frequency_penalty: 0, modalities: ['text'], n: 1, user: 'u', response_format: { type: 'text' }, reasoning_effort: 'none',
      guardrailConfig: { guardrailIdentifier: 'g' }, top_k: 5, web_search_options: {},
    });
    expect(body).toEqual({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }] });
  });

  it.each([
    ['n above 1', { n: 2 }, undefined, 'n'],
    ['temperature above 1', { temperature: 1.5 }, undefined, 'temperature'],
    ...rejectionRows([...OPENAI_ONLY_FEATURE_REJECTIONS, ...PENALTY_REJECTIONS], undefined),
    ['json_object mode', { response_format: { type: 'json_object' } }, undefined, 'response_format.type'],
    ['reasoning effort', { reasoning_effort: 'high' }, undefined, 'reasoning_effort'],
    ['non-object additionalModelRequestFields', { additionalModelRequestFields: [1] }, undefined, 'additionalModelRequestFields'],
    ['parallel_tool_calls false', { tools: [weatherTool], parallel_tool_calls: false }, undefined, 'parallel_tool_calls'],
    ['custom tools', { tools: [{ type: 'custom', custom: { name: 'c' } }] }, undefined, 'tools[0].type'],
    ['allowed_tools choice', { tools: [weatherTool], tool_choice: { type: 'allowed_tools', allowed_tools: { mode: 'auto', tools: [] } } }, undefined, 'tool_choice'],
    ['an http image URL', {}, [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }], 'messages[0].content[0].image_url.url'],
    ['a TIFF data URL', {}, [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/tiff;base64,AAAA' } }] }], 'messages[0].content[0].image_url.url'],
    ['audio input', {}, [{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'input_audio', input_audio: { data: 'AA==', format: 'wav' } }] }], 'messages[0].content[1].type'],
    ['an uploaded file id', {}, [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc' } }] }], 'messages[0].content[0].file'],
    ['tool arguments that are not JSON', {}, [{ role: 'user', content: 'x' }, { role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{city:' } }] }], 'messages[1].tool_calls[0].function.arguments'],
    ['a legacy function message', {}, [{ role: 'user', content: 'x' }, { role: 'function', name: 'f', content: '1' }], 'messages[1].role'],
    ['a legacy assistant function_call', {}, [{ role: 'user', content: 'x' }, { role: 'assistant', function_call: { name: 'f', arguments: '{}' } }], 'messages[1].function_call'],
    ['a conversation that starts with the assistant', {}, [{ role: 'system', content: 's' }, { role: 'assistant', content: 'Hello' }, { role: 'user', content: 'x' }], 'messages'],
    ['a conversation without user turns', {}, [{ role: 'system', content: 's' }], 'messages'],
  ])('rejects %s with a 400 naming the param', async (_name, patch, messages, param) => {
    const error = await rejection(patch, messages);
    expect(error.status).toBe(400);
    expect(error.param).toBe(param);
    expect(error.message).not.toBe('');
  });
});

describe('bedrockAdapter account configuration', () => {
  const request = { model: 'claude', messages: [{ role: 'user' as const, content: 'Hi' }] };
  const buildOn = (on: ProviderTarget) => bedrockAdapter.chat!.buildRequest(request, on, { includeStreamUsage: true });

  it.each([
    ['no settings', { settings: undefined }],
    ['an empty region', { settings: { region: ' ' } }],
    ['a region that is not one', { settings: { region: 'us-east-1.evil.example/' } }],
  ])('refuses %s as a configuration error', async (_name, patch) => {
    const error = await Promise.resolve(buildOn({ ...target, ...patch })).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(BedrockConfigurationError);
    expect(error).toBeInstanceOf(AdapterRequestError);
    expect(error).toMatchObject({ status: 400, param: null, code: 'invalid_provider_configuration' });
  });

  it.each([
    ['not JSON', SECRET],
    ['no secret', JSON.stringify({ accessKeyId: 'AKIDEXAMPLE' })],
    ['an empty key id', JSON.stringify({ accessKeyId: '', secretAccessKey: SECRET })],
    ['a non-string session token', JSON.stringify({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET, sessionToken: 5 })],
  ])('refuses a credential with %s, without repeating it', async (_name, apiKey) => {
    const error = await Promise.resolve(buildOn({ ...target, apiKey })).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AdapterRequestError);
    expect((error as Error).message).toContain('not valid Bedrock credentials');
    expect((error as Error).message).not.toContain(SECRET);
    expect((error as Error).message).not.toContain('AKIDEXAMPLE');
  });
});
