import { describe, expect, it } from 'vitest';
import { createSseParser, interpretChatData } from './sse';

describe('createSseParser', () => {
  it('emits complete events however the text is split', () => {
    const parser = createSseParser();
    const text = 'data: {"a":1}\n\n: keep-alive\n\ndata: [DONE]\n\n';
    const out: string[] = [];
    for (const ch of text) out.push(...parser.push(ch));
    expect(out).toEqual(['{"a":1}', '[DONE]']);
  });

  it('handles CRLF, other fields, multi-line data and a last event without a blank line', () => {
    const parser = createSseParser();
    expect(parser.push('event: x\r\nid: 1\r\ndata: one\r\ndata:two\r\n\r\ndata: tail')).toEqual(['one\ntwo']);
    expect(parser.end()).toEqual(['tail']);
  });
});

describe('interpretChatData', () => {
  it('reads deltas, usage, [DONE] and error frames', () => {
    expect(interpretChatData('{"model":"m","choices":[{"delta":{"content":"Hi"},"finish_reason":null}]}')).toEqual([
      { kind: 'delta', text: 'Hi', model: 'm', finishReason: null },
    ]);
    expect(interpretChatData('{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}')).toEqual([
      { kind: 'usage', usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } },
    ]);
    expect(interpretChatData('[DONE]')).toEqual([{ kind: 'done' }]);
    expect(interpretChatData('{"error":{"message":"boom","type":"api_error","code":"upstream_stream_truncated"}}')).toEqual([
      { kind: 'error', message: 'boom', code: 'upstream_stream_truncated' },
    ]);
    expect(interpretChatData('not json')[0]).toMatchObject({ kind: 'error' });
  });
});
