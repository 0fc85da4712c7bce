import { describe, expect, it } from 'vitest';
import { streamChat } from './chat-stream';

function sse(frames: string[], headers: Record<string, string> = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // Split frames at awkward places, as the network does.
      for (const frame of frames) {
        const bytes = encoder.encode(frame);
        controller.enqueue(bytes.slice(0, 3));
        controller.enqueue(bytes.slice(3));
      }
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream', ...headers } });
}

const chunk = (content: string) => `data: ${JSON.stringify({ model: 'up-1', choices: [{ delta: { content }, finish_reason: null }] })}\n\n`;

describe('streamChat', () => {
  it('streams text, reads routing headers and usage, and asks for usage in the request', async () => {
    let sent: Record<string, unknown> = {};
    const seen: string[] = [];
    const result = await streamChat({
      fetch: async (_url, init) => {
        sent = JSON.parse(String(init?.body));
        return sse(
          [chunk('Hel'), chunk('lo'), 'data: {"choices":[],"usage":{"prompt_tokens":4,"completion_tokens":2,"total_tokens":6}}\n\n', 'data: [DONE]\n\n'],
          { 'x-ai-router-provider': 'mock', 'x-ai-router-strategy': 'priority-failover' },
        );
      },
      apiKey: 'air-x',
      model: 'm',
      messages: [{ role: 'user', content: 'Hi' }],
      onText: (t) => seen.push(t),
    });
    expect(sent).toMatchObject({ model: 'm', stream: true, stream_options: { include_usage: true } });
    expect(seen).toEqual(['Hel', 'Hello']);
    expect(result).toMatchObject({ text: 'Hello', provider: 'mock', strategy: 'priority-failover', model: 'up-1', error: null });
    expect(result.usage).toEqual({ prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 });
  });

  it('returns an error frame after the stream started, keeping the text so far', async () => {
    const result = await streamChat({
      fetch: async () => sse([chunk('partial'), 'data: {"error":{"message":"upstream broke","type":"api_error","code":"upstream_stream_truncated"}}\n\n']),
      apiKey: 'k',
      model: 'm',
      messages: [],
      onText: () => undefined,
    });
    expect(result).toMatchObject({ text: 'partial', error: { message: 'upstream broke', code: 'upstream_stream_truncated' } });
  });

  it('throws the OpenAI error of a refused request', async () => {
    const refused = new Response(JSON.stringify({ error: { message: 'Invalid API key', type: 'invalid_request_error', code: 'invalid_api_key' } }), { status: 401 });
    await expect(streamChat({ fetch: async () => refused, apiKey: 'bad', model: 'm', messages: [], onText: () => undefined })).rejects.toMatchObject({
      status: 401,
      code: 'invalid_api_key',
      message: 'Invalid API key',
    });
  });
});
