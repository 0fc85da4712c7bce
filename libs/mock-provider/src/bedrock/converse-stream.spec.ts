import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type DecodedMessage, decodeEventStream, readBytes } from '../__fixtures__/event-stream';
import { json, post, sigv4Headers } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;
let url: string;

beforeAll(async () => {
  mock = await startMockProvider();
  url = `${mock.url}/model/${encodeURIComponent('anthropic.claude-3-haiku-20240307-v1:0')}/converse-stream`;
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const ask = (text: string, extra: Record<string, unknown> = {}) => ({ messages: [{ role: 'user', content: [{ text }] }], ...extra });
const send = (body: unknown, headers: Record<string, string> = {}) => post(url, body, { ...sigv4Headers(), ...headers });

async function events(res: Response): Promise<DecodedMessage[]> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vnd.amazon.eventstream');
  const { bytes, error } = await readBytes(res);
  expect(error).toBeUndefined();
  return decodeEventStream(bytes);
}

const names = (messages: DecodedMessage[]) => messages.map((m) => m.headers[':event-type'] ?? m.headers[':exception-type']);
/** The payload without the service's `p` padding. */
const bare = ({ payload }: DecodedMessage) => {
  const { p, ...rest } = payload;
  return rest;
};

const weather = {
  toolSpec: { name: 'get_weather', inputSchema: { json: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } } },
};

describe('POST /model/{modelId}/converse-stream', () => {
  it('sends valid event-stream messages: lengths, both CRCs and string headers', async () => {
    const messages = await events(await send(ask('Hello there')));
    for (const message of messages) {
      expect(message.headers).toEqual({ ':event-type': expect.any(String), ':content-type': 'application/json', ':message-type': 'event' });
      expect(typeof message.payload.p).toBe('string');
      expect(message.length).toBeGreaterThan(16);
    }
    expect(names(messages)).toEqual(['messageStart', ...Array(5).fill('contentBlockDelta'), 'contentBlockStop', 'messageStop', 'metadata']);
    expect(bare(messages[0])).toEqual({ role: 'assistant' });
    const text = messages.slice(1, 6).map((m) => {
      expect(m.payload.contentBlockIndex).toBe(0);
      return m.payload.delta.text;
    });
    expect(text.join('')).toBe('Mock reply to: Hello there');
    expect(bare(messages[6])).toEqual({ contentBlockIndex: 0 });
    expect(bare(messages[7])).toEqual({ stopReason: 'end_turn' });
    expect(bare(messages[8])).toEqual({ usage: { inputTokens: 6, outputTokens: 7, totalTokens: 13 }, metrics: { latencyMs: expect.any(Number) } });
  });

  it('streams a toolUse block: contentBlockStart, input as partial JSON strings, contentBlockStop', async () => {
    const messages = await events(await send(ask('Weather? [[mock:{"chunks":3}]]', { toolConfig: { tools: [weather] } })));
    const tool = messages.filter((m) => m.payload.contentBlockIndex === 1);
    expect(names(tool)).toEqual(['contentBlockStart', 'contentBlockDelta', 'contentBlockDelta', 'contentBlockDelta', 'contentBlockStop']);
    expect(bare(tool[0])).toEqual({ contentBlockIndex: 1, start: { toolUse: { toolUseId: expect.stringMatching(/^tooluse_/), name: 'get_weather' } } });
    const input = tool.slice(1, 4).map((m) => m.payload.delta.toolUse.input);
    expect(input.every((piece) => typeof piece === 'string')).toBe(true);
    expect(JSON.parse(input.join(''))).toEqual({ city: 'Paris' });
    expect(messages.find((m) => m.headers[':event-type'] === 'messageStop')?.payload.stopReason).toBe('tool_use');
  });

  it('ends with a modelStreamErrorException message after errorAfterChunks', async () => {
    const messages = await events(await send(ask('Hello there [[mock:{"errorAfterChunks":2}]]')));
    expect(names(messages)).toEqual(['messageStart', 'contentBlockDelta', 'modelStreamErrorException']);
    expect(messages[2].headers).toEqual({
      ':exception-type': 'modelStreamErrorException',
      ':content-type': 'application/json',
      ':message-type': 'exception',
    });
    expect(messages[2].payload).toEqual({ message: expect.any(String) });
  });

  it('picks the exception by streamErrorStatus (429 throttlingException)', async () => {
    const messages = await events(await send(ask('Hi'), { 'x-mock-fault': '{"errorAfterChunks":1,"streamErrorStatus":429}' }));
    expect(names(messages)).toEqual(['messageStart', 'throttlingException']);
  });

  it('drops the connection after dropAfterChunks whole messages', async () => {
    const res = await send(ask('Hello there [[mock:{"dropAfterChunks":3}]]'));
    expect(res.status).toBe(200);
    const { bytes, error } = await readBytes(res);
    expect(error).toBeDefined();
    expect(names(decodeEventStream(bytes))).toEqual(['messageStart', 'contentBlockDelta', 'contentBlockDelta']);
    await vi.waitFor(() => expect(mock.requests[0]).toMatchObject({ aborted: false, completed: false }));
  });

  it('spaces messages by chunkDelayMs and stops early on finishReason', async () => {
    const started = Date.now();
    const messages = await events(await send(ask('One two three four five six [[mock:{"chunkDelayMs":15,"finishReason":"content_filtered"}]]')));
    expect(Date.now() - started).toBeGreaterThanOrEqual(15 * (messages.length - 1) - 5);
    expect(messages.find((m) => m.headers[':event-type'] === 'messageStop')?.payload.stopReason).toBe('content_filtered');
  });

  it('answers faults before the stream as JSON errors', async () => {
    const res = await send(ask('Hi [[mock:{"status":429,"retryAfterSeconds":1}]]'));
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await json(res)).toEqual({ message: expect.any(String) });
  });
});
