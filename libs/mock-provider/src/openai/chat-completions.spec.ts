import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, json, post, sse } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;
let url: string;

beforeAll(async () => {
  mock = await startMockProvider();
  url = `${mock.url}/v1/chat/completions`;
});
afterAll(() => mock.close());

const weatherTool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['city', 'unit'],
    },
  },
};
const timeTool = { type: 'function', function: { name: 'get_time' } };

const ask = (content: unknown, extra: Record<string, unknown> = {}) => ({ model: 'gpt-4o', messages: [{ role: 'user', content }], ...extra });

describe('POST /v1/chat/completions', () => {
  it('answers a deterministic reply with deterministic usage', async () => {
    const res = await post(url, { model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Hello there friend' }] });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Mock reply to: Hello there friend' }, finish_reason: 'stop' }],
      // (ceil(8/4) + 3) + (ceil(18/4) + 3) prompt, ceil(33/4) completion
      usage: { prompt_tokens: 13, completion_tokens: 9, total_tokens: 22, prompt_tokens_details: { cached_tokens: 0 } },
    });
    expect(body.id).toMatch(/^chatcmpl-/);
  });

  it('reads text parts and honours reply, chunks, cachedTokens and reasoningTokens directives', async () => {
    const content = [{ type: 'text', text: 'Hi [[mock:{"reply":"Exact text","cachedTokens":4,"reasoningTokens":5}]]' }];
    const body = await json(post(url, ask(content)));
    expect(body.choices[0].message.content).toBe('Exact text');
    expect(body.usage.prompt_tokens_details.cached_tokens).toBe(4);
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBe(5);
    expect(body.usage.completion_tokens).toBe(3 + 5);
  });

  it('returns n choices', async () => {
    const body = await json(post(url, ask('Hi', { n: 3 })));
    expect(body.choices.map((choice: { index: number }) => choice.index)).toEqual([0, 1, 2]);
    expect(body.usage.completion_tokens).toBe(3 * 5);
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const body = await json(post(url, ask('a long question here', { max_completion_tokens: 2 })));
    expect(body.choices[0]).toMatchObject({ message: { content: 'Mock rep' }, finish_reason: 'length' });
    expect(body.usage.completion_tokens).toBe(2);
  });

  it('answers valid JSON for response_format json_object and json_schema', async () => {
    const object = await json(post(url, ask('Hi', { response_format: { type: 'json_object' } })));
    expect(JSON.parse(object.choices[0].message.content)).toEqual({ reply: 'Mock reply to: Hi' });
    const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 18 } }, required: ['name', 'age'] };
    const format = { type: 'json_schema', json_schema: { name: 'person', strict: true, schema } };
    const typed = await json(post(url, ask('Hi', { response_format: format })));
    expect(JSON.parse(typed.choices[0].message.content)).toEqual({ name: 'Ada Lovelace', age: 18 });
  });

  it('rejects invalid requests with 400 in the OpenAI envelope', async () => {
    const res = await post(url, { model: 'gpt-4o' });
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({ error: { message: expect.stringContaining('messages'), type: 'invalid_request_error', param: null, code: null } });
    expect((await post(url, { model: 'gpt-4o', messages: [null] })).status).toBe(400);
    const wrongTool = await post(url, ask('Hi', { tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'nope' } } }));
    expect(wrongTool.status).toBe(400);
  });
});

describe('tool calls', () => {
  it('calls the first tool with arguments generated from its schema', async () => {
    const body = await json(post(url, ask('Weather?', { tools: [weatherTool, timeTool] })));
    const choice = body.choices[0];
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([{ id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'get_weather', arguments: expect.any(String) } }]);
    expect(JSON.parse(choice.message.tool_calls[0].function.arguments)).toEqual({ city: 'Paris', unit: 'celsius' });
  });

  it('calls the named tool, and none with tool_choice none', async () => {
    const named = await json(post(url, ask('Time?', { tools: [weatherTool, timeTool], tool_choice: { type: 'function', function: { name: 'get_time' } } })));
    expect(named.choices[0].message.tool_calls[0].function).toEqual({ name: 'get_time', arguments: '{}' });
    const none = await json(post(url, ask('Time?', { tools: [weatherTool], tool_choice: 'none' })));
    expect(none.choices[0]).toMatchObject({ message: { content: 'Mock reply to: Time?' }, finish_reason: 'stop' });
  });

  it('answers text after a tool result unless a tool is required', async () => {
    const messages = [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'Sunny' },
    ];
    const auto = await json(post(url, { model: 'gpt-4o', messages, tools: [weatherTool] }));
    expect(auto.choices[0]).toMatchObject({ message: { content: 'Mock reply to: Weather?' }, finish_reason: 'stop' });
    const required = await json(post(url, { model: 'gpt-4o', messages, tools: [weatherTool], tool_choice: 'required' }));
    expect(required.choices[0].finish_reason).toBe('tool_calls');
  });

  it('streams the id and name first, then the arguments in several deltas', async () => {
    const chunks = dataOf(await sse(await post(url, ask('Weather?', { tools: [weatherTool], stream: true }))));
    expect(chunks.at(-1)).toBe('[DONE]');
    const deltas = chunks.slice(0, -1).map((chunk) => chunk.choices[0]);
    expect(deltas[0].delta).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [{ index: 0, id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'get_weather', arguments: '' } }],
      refusal: null,
    });
    const argumentDeltas = deltas.slice(1, -1);
    expect(argumentDeltas.length).toBeGreaterThan(1);
    for (const delta of argumentDeltas) expect(Object.keys(delta.delta.tool_calls[0])).toEqual(['index', 'function']);
    const args = argumentDeltas.map((delta) => delta.delta.tool_calls[0].function.arguments).join('');
    expect(JSON.parse(args)).toEqual({ city: 'Paris', unit: 'celsius' });
    expect(deltas.at(-1)).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' });
  });
});

describe('streaming', () => {
  it('sends the role chunk, content chunks, the finish chunk and [DONE]', async () => {
    const res = await post(url, ask('Hello there', { stream: true }));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const chunks = dataOf(await sse(res));
    expect(chunks.at(-1)).toBe('[DONE]');
    const body = chunks.slice(0, -1);
    for (const chunk of body) {
      expect(chunk).toMatchObject({ id: body[0].id, object: 'chat.completion.chunk', model: 'gpt-4o' });
      expect(chunk).not.toHaveProperty('usage');
    }
    expect(body[0].choices[0]).toEqual({ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null });
    const content = body.slice(1, -1).map((chunk) => chunk.choices[0].delta.content);
    expect(content).toEqual(['Mock ', 'reply ', 'to: ', 'Hello ', 'there']);
    expect(body.at(-1).choices[0]).toEqual({ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' });
  });

  it('with include_usage, adds a usage chunk with no choices and usage null on the others', async () => {
    const chunks = dataOf(await sse(await post(url, ask('Hi [[mock:{"chunks":2}]]', { stream: true, stream_options: { include_usage: true } }))));
    expect(chunks).toHaveLength(1 + 2 + 1 + 1 + 1);
    for (const chunk of chunks.slice(0, 4)) expect(chunk.usage).toBeNull();
    expect(chunks[4].choices).toEqual([]);
    expect(chunks[4].usage).toMatchObject({ prompt_tokens: 9, completion_tokens: 5, total_tokens: 14 });
    expect(chunks[5]).toBe('[DONE]');
  });

  it('streams every choice when n > 1', async () => {
    const chunks = dataOf(await sse(await post(url, ask('Hi', { stream: true, n: 2 })))).slice(0, -1);
    for (const index of [0, 1]) {
      const own = chunks.filter((chunk) => chunk.choices[0].index === index);
      expect(own.map((chunk) => chunk.choices[0].delta.content ?? '').join('')).toBe('Mock reply to: Hi');
      expect(own.at(-1).choices[0].finish_reason).toBe('stop');
    }
  });
});

describe('with the official openai SDK', () => {
  const client = () => new OpenAI({ apiKey: 'sk-test', baseURL: `${mock.url}/v1`, maxRetries: 0 });

  it('parses completions and streams', async () => {
    const completion = await client().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] });
    expect(completion.choices[0].message.content).toBe('Mock reply to: Hello');

    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      usage = chunk.usage ?? usage;
    }
    expect(text).toBe('Mock reply to: Hello');
    expect(usage?.completion_tokens).toBe(5);
  });

  it('assembles streamed tool calls', async () => {
    const runner = client().chat.completions.stream({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Weather?' }],
      tools: [weatherTool as OpenAI.ChatCompletionTool],
    });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0].message.tool_calls?.[0]).toMatchObject({ function: { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' } });
  });

  it('raises an APIError with the status and Retry-After', async () => {
    const error = await client()
      .chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi [[mock:{"status":429,"retryAfterSeconds":3}]]' }] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('3');
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded');
  });

  it('raises an APIError on a mid-stream error frame', async () => {
    const stream = await client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi [[mock:{"errorAfterChunks":2}]]' }],
      stream: true,
    });
    const consume = async (): Promise<void> => {
      for await (const _chunk of stream);
    };
    await expect(consume()).rejects.toBeInstanceOf(OpenAI.APIError);
  });
});
