import { describe, expect, it } from 'vitest';
import { assembleStream, BodyCapture } from './body-capture';

const chunk = (choice: object, extra: object = {}) => JSON.stringify({ id: 'chatcmpl-1', model: 'm', choices: [choice], ...extra });

describe('assembleStream', () => {
  it('joins content deltas and tool call arguments per choice', () => {
    const out = assembleStream([
      chunk({ index: 0, delta: { role: 'assistant', content: 'Hel' } }),
      chunk({ index: 0, delta: { content: 'lo' } }),
      chunk({ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"ci' } }] } }),
      chunk({ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Paris"}' } }] }, finish_reason: 'tool_calls' }),
      JSON.stringify({ id: 'chatcmpl-1', choices: [], usage: { prompt_tokens: 3, completion_tokens: 2 } }),
    ]);
    expect(out).toEqual({
      id: 'chatcmpl-1', model: 'm', usage: { prompt_tokens: 3, completion_tokens: 2 },
      choices: [{
        index: 0, finish_reason: 'tool_calls',
        message: { role: 'assistant', content: 'Hello', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      }],
    });
  });

  it('reads legacy completion text and skips frames that are not JSON', () => {
    const out = assembleStream([chunk({ index: 0, text: 'a' }), 'not json', chunk({ index: 0, text: 'b', finish_reason: 'stop' })]);
    expect(out.choices[0]!.message.content).toBe('ab');
    expect(out.choices[0]!.finish_reason).toBe('stop');
  });
});

describe('BodyCapture', () => {
  it('keeps a copy of the request that later changes to the body do not reach', () => {
    const body: Record<string, unknown> = { model: 'm', messages: [] };
    const capture = new BodyCapture(body);
    body.max_tokens = 10;
    expect(capture.request).toEqual({ model: 'm', messages: [] });
  });

  it('forgets what a failed attempt produced', () => {
    const capture = new BodyCapture({});
    capture.frame(chunk({ index: 0, delta: { content: 'lost' } }));
    capture.reset();
    capture.respond('{"ok":true}');
    expect(capture.answer()).toEqual({ value: { ok: true }, truncated: false });
  });

  it('stops keeping stream frames past its bound and says so', () => {
    const capture = new BodyCapture({});
    const big = chunk({ index: 0, delta: { content: 'x'.repeat(100_000) } });
    for (let i = 0; i < 10; i++) capture.frame(big);
    const { value, truncated } = capture.answer();
    expect(truncated).toBe(true);
    expect((value as { choices: { message: { content: string } }[] }).choices[0]!.message.content.length).toBe(500_000);
  });
});
