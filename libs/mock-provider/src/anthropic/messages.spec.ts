import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANTHROPIC_HEADERS, json, post, sse } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;
let url: string;

beforeAll(async () => {
  mock = await startMockProvider();
  url = `${mock.url}/v1/messages`;
});
afterAll(() => mock.close());

const ask = (content: unknown, extra: Record<string, unknown> = {}) => ({
  model: 'claude-sonnet-4-5',
  max_tokens: 1024,
  messages: [{ role: 'user', content }],
  ...extra,
});
const send = (body: unknown, headers: Record<string, string> = ANTHROPIC_HEADERS) => post(url, body, headers);

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

/** Events as [name, payload], checking that each SSE event name matches its payload type. */
async function events(res: Response): Promise<[string, any][]> {
  return (await sse(res)).map((frame) => {
    const payload = JSON.parse(frame.data);
    expect(payload.type).toBe(frame.event);
    return [frame.event as string, payload];
  });
}

describe('POST /v1/messages', () => {
  it('answers a Message with text content and usage', async () => {
    const res = await send(ask('Hello there', { system: 'Be brief' }));
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toEqual({
      id: expect.stringMatching(/^msg_/),
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [{ type: 'text', text: 'Mock reply to: Hello there' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      // (ceil(11/4) + 3) message + ceil(8/4) system
      usage: { input_tokens: 8, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 7, service_tier: 'standard' },
    });
  });

  it('splits the prompt into cache reads, cache writes and uncached input on directive', async () => {
    const content = [{ type: 'text', text: 'x'.repeat(100) }, { type: 'text', text: '[[mock:{"cachedTokens":10,"cacheWriteTokens":5}]]' }];
    const body = await json(send(ask(content)));
    const total = Math.ceil((100 + 1 + 50) / 4) + 3;
    expect(body.usage).toMatchObject({ cache_read_input_tokens: 10, cache_creation_input_tokens: 5, input_tokens: total - 15 });
  });

  it('stops at max_tokens', async () => {
    const body = await json(send(ask('A question that is long enough', { max_tokens: 3 })));
    expect(body).toMatchObject({ content: [{ text: 'Mock reply t' }], stop_reason: 'max_tokens', usage: { output_tokens: 3 } });
  });

  it('requires anthropic-version, model, max_tokens and messages', async () => {
    const noVersion = await send(ask('Hi'), { 'x-api-key': 'k' });
    expect(noVersion.status).toBe(400);
    expect(await json(noVersion)).toEqual({ type: 'error', error: { type: 'invalid_request_error', message: expect.stringContaining('anthropic-version') } });
    for (const body of [{ ...ask('Hi'), max_tokens: undefined }, { ...ask('Hi'), model: undefined }, { ...ask('Hi'), messages: [] }]) {
      expect((await send(body)).status).toBe(400);
    }
  });

  it('answers fault statuses with the Anthropic error types', async () => {
    const overloaded = await send(ask('Hi [[mock:{"status":529}]]'));
    expect(overloaded.status).toBe(529);
    expect(await json(overloaded)).toEqual({ type: 'error', error: { type: 'overloaded_error', message: expect.any(String) } });
    const limited = await send(ask('Hi [[mock:{"status":429,"retryAfterSeconds":7}]]'));
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await json(limited)).error.type).toBe('rate_limit_error');
    expect((await json(send(ask('Hi [[mock:{"status":500}]]')))).error.type).toBe('api_error');
  });
});

describe('tool use', () => {
  it('answers a text block then a tool_use block with auto, only tool_use when forced', async () => {
    const auto = await json(send(ask('Weather?', { tools: [weatherTool] })));
    expect(auto.stop_reason).toBe('tool_use');
    expect(auto.content).toEqual([
      { type: 'text', text: 'Mock call to get_weather.' },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'get_weather', input: { city: 'Paris' } },
    ]);
    const forced = await json(send(ask('Weather?', { tools: [weatherTool], tool_choice: { type: 'tool', name: 'get_weather' } })));
    expect(forced.content.map((block: { type: string }) => block.type)).toEqual(['tool_use']);
    const none = await json(send(ask('Weather?', { tools: [weatherTool], tool_choice: { type: 'none' } })));
    expect(none.stop_reason).toBe('end_turn');
  });

  it('answers text after a tool result', async () => {
    const body = await json(
      send({
        model: 'claude',
        max_tokens: 100,
        tools: [weatherTool],
        messages: [
          { role: 'user', content: 'Weather?' },
          { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } }] },
          { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'Sunny' }] },
        ],
      }),
    );
    expect(body).toMatchObject({ content: [{ type: 'text', text: 'Mock reply to: Sunny' }], stop_reason: 'end_turn' });
  });
});

describe('streaming', () => {
  it('sends the official event sequence', async () => {
    const res = await send(ask('Hello there', { stream: true }));
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = await events(res);
    expect(stream.map(([name]) => name)).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      ...Array(5).fill('content_block_delta'),
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    const [, start] = stream[0];
    expect(start.message).toMatchObject({ type: 'message', role: 'assistant', content: [], stop_reason: null, usage: { input_tokens: 6, output_tokens: 1 } });
    expect(stream[1][1]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    const text = stream.filter(([name]) => name === 'content_block_delta').map(([, event]) => event.delta);
    expect(text.every((delta) => delta.type === 'text_delta')).toBe(true);
    expect(text.map((delta) => delta.text).join('')).toBe('Mock reply to: Hello there');
    expect(stream.at(-2)?.[1]).toEqual({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 7 } });
  });

  it('streams tool input as input_json_delta pieces after the text block', async () => {
    const stream = await events(await send(ask('Weather? [[mock:{"chunks":3}]]', { tools: [weatherTool], stream: true })));
    const toolStart = stream.find(([name, event]) => name === 'content_block_start' && event.index === 1)?.[1];
    expect(toolStart.content_block).toEqual({ type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'get_weather', input: {} });
    const pieces = stream.filter(([name, event]) => name === 'content_block_delta' && event.index === 1).map(([, event]) => event.delta);
    expect(pieces).toHaveLength(3);
    expect(pieces.every((delta) => delta.type === 'input_json_delta')).toBe(true);
    expect(JSON.parse(pieces.map((delta) => delta.partial_json).join(''))).toEqual({ city: 'Paris' });
    expect(stream.at(-2)?.[1].delta.stop_reason).toBe('tool_use');
    expect(stream.at(-1)?.[0]).toBe('message_stop');
  });

  it('reports a mid-stream failure as an error event and ends', async () => {
    const stream = await events(await send(ask('Hi [[mock:{"errorAfterChunks":3}]]', { stream: true })));
    expect(stream.map(([name]) => name)).toEqual(['message_start', 'content_block_start', 'ping', 'error']);
    expect(stream[3][1]).toEqual({ type: 'error', error: { type: 'overloaded_error', message: expect.any(String) } });
  });
});
