import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema } from './chat-completion.schema';
import { zodErrorToOpenAIError } from './validation-error';

const base = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] };

function paramOf(body: unknown): string | null {
  const result = chatCompletionRequestSchema.safeParse(body);
  if (result.success) throw new Error('expected the body to be rejected');
  return zodErrorToOpenAIError(result.error).param;
}

describe('chatCompletionRequestSchema', () => {
  it('accepts a full-featured body and preserves unknown fields at every level', () => {
    const body = {
      model: 'gpt-4o',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'developer', content: [{ type: 'text', text: 'Use JSON.' }] },
        {
          role: 'user',
          name: 'ann',
          content: [
            { type: 'text', text: 'What is in this image?', cache_control: { type: 'ephemeral' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.png', detail: 'low' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0=', filename: 'a.pdf' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
        { role: 'function', name: 'legacy', content: null },
      ],
      tools: [
        {
          type: 'function',
          function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object' }, strict: true },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      response_format: { type: 'json_schema', json_schema: { name: 'w', schema: { type: 'object' }, strict: true } },
      n: 128,
      stop: ['a', 'b', 'c', 'd'],
      seed: -5,
      user: 'u-1',
      max_tokens: 10,
      max_completion_tokens: 20,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 2,
      top_p: 0,
      presence_penalty: -2,
      frequency_penalty: 2,
      logit_bias: { '50256': -100 },
      logprobs: true,
      top_logprobs: 20,
      metadata: { team: 'a' },
      store: false,
      reasoning_effort: 'low',
      modalities: ['text'],
      service_tier: 'auto',
      prediction: { type: 'content', content: 'draft' },
      web_search_options: { search_context_size: 'low' },
      x_vendor: { nested: [1, 2] },
    };
    const result = chatCompletionRequestSchema.safeParse(body);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(body);
  });

  it('accepts null for the fields OpenAI SDKs send as null', () => {
    const body = { ...base, temperature: null, stop: null, n: null, stream_options: null, max_tokens: null };
    expect(chatCompletionRequestSchema.safeParse(body).success).toBe(true);
  });

  it.each([
    ['tool_choice strings', { tool_choice: 'required' }],
    ['json_object', { response_format: { type: 'json_object' } }],
    ['single stop string', { stop: 'END' }],
    ['assistant refusal part', { messages: [{ role: 'assistant', content: [{ type: 'refusal', refusal: 'no' }] }] }],
  ])('accepts %s', (_name, patch) => {
    expect(chatCompletionRequestSchema.safeParse({ ...base, ...patch }).success).toBe(true);
  });

  it.each([
    ['missing model', { messages: base.messages }, 'model'],
    ['empty model', { ...base, model: '' }, 'model'],
    ['missing messages', { model: 'm' }, 'messages'],
    ['empty messages', { ...base, messages: [] }, 'messages'],
    ['unknown role', { ...base, messages: [{ role: 'robot', content: 'x' }] }, 'messages[0].role'],
    ['content of wrong type', { ...base, messages: [{ role: 'user', content: 5 }] }, 'messages[0].content'],
    [
      'text part without text',
      { ...base, messages: [{ role: 'user', content: [{ type: 'text' }] }] },
      'messages[0].content[0].text',
    ],
    [
      'unknown part type',
      { ...base, messages: [{ role: 'user', content: [{ type: 'video', video: {} }] }] },
      'messages[0].content[0].type',
    ],
    [
      'image without url',
      { ...base, messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { detail: 'low' } }] }] },
      'messages[0].content[0].image_url.url',
    ],
    [
      'bad image detail',
      {
        ...base,
        messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'u', detail: 'max' } }] }],
      },
      'messages[0].content[0].image_url.detail',
    ],
    ['image part in a system message', { ...base, messages: [{ role: 'system', content: [{ type: 'image_url' }] }] }, 'messages[0].content[0].type'],
    ['tool message without tool_call_id', { ...base, messages: [{ role: 'tool', content: 'x' }] }, 'messages[0].tool_call_id'],
    [
      'tool call without arguments',
      {
        ...base,
        messages: [{ role: 'assistant', tool_calls: [{ id: 'c', type: 'function', function: { name: 'f' } }] }],
      },
      'messages[0].tool_calls[0].function.arguments',
    ],
    ['temperature above 2', { ...base, temperature: 2.01 }, 'temperature'],
    ['temperature below 0', { ...base, temperature: -0.1 }, 'temperature'],
    ['top_p above 1', { ...base, top_p: 1.5 }, 'top_p'],
    ['presence_penalty below -2', { ...base, presence_penalty: -3 }, 'presence_penalty'],
    ['frequency_penalty above 2', { ...base, frequency_penalty: 2.5 }, 'frequency_penalty'],
    ['n of 0', { ...base, n: 0 }, 'n'],
    ['n above 128', { ...base, n: 129 }, 'n'],
    ['fractional n', { ...base, n: 1.5 }, 'n'],
    ['five stop sequences', { ...base, stop: ['a', 'b', 'c', 'd', 'e'] }, 'stop'],
    ['zero max_tokens', { ...base, max_tokens: 0 }, 'max_tokens'],
    ['negative max_completion_tokens', { ...base, max_completion_tokens: -1 }, 'max_completion_tokens'],
    ['top_logprobs above 20', { ...base, top_logprobs: 21 }, 'top_logprobs'],
    ['logit_bias out of range', { ...base, logit_bias: { '42': 101 } }, 'logit_bias.42'],
    ['stream not a boolean', { ...base, stream: 'yes' }, 'stream'],
    ['stream_options.include_usage not a boolean', { ...base, stream_options: { include_usage: 1 } }, 'stream_options.include_usage'],
    ['unknown tool_choice string', { ...base, tool_choice: 'any' }, 'tool_choice'],
    ['tool without function name', { ...base, tools: [{ type: 'function', function: {} }] }, 'tools[0].function.name'],
    ['unknown response_format', { ...base, response_format: { type: 'xml' } }, 'response_format.type'],
    [
      'json_schema without name',
      { ...base, response_format: { type: 'json_schema', json_schema: { schema: {} } } },
      'response_format.json_schema.name',
    ],
    ['unknown reasoning_effort', { ...base, reasoning_effort: 'extreme' }, 'reasoning_effort'],
    ['unknown modality', { ...base, modalities: ['video'] }, 'modalities[0]'],
    ['metadata value not a string', { ...base, metadata: { a: 1 } }, 'metadata.a'],
  ])('rejects %s', (_name, body, param) => {
    expect(paramOf(body)).toBe(param);
  });
});
