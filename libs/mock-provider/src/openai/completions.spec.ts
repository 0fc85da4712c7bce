import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, json, post, sse } from '../__fixtures__/http';
import { type MockProvider, startMockProvider } from '../index';

let mock: MockProvider;
let url: string;

beforeAll(async () => {
  mock = await startMockProvider();
  url = `${mock.url}/v1/completions`;
});
afterAll(() => mock.close());

describe('POST /v1/completions', () => {
  it('answers a text_completion', async () => {
    const body = await json(post(url, { model: 'gpt-3.5-turbo-instruct', prompt: 'Say this is a test' }));
    expect(body).toMatchObject({
      object: 'text_completion',
      model: 'gpt-3.5-turbo-instruct',
      choices: [{ text: 'Mock reply to: Say this is a test', index: 0, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: 5, completion_tokens: 9, total_tokens: 14 },
    });
    expect(body.id).toMatch(/^cmpl-/);
  });

  it('accepts prompt arrays and token arrays', async () => {
    const strings = await json(post(url, { model: 'm', prompt: ['first', 'second [[mock:{"reply":"ok"}]]'] }));
    expect(strings.choices[0].text).toBe('ok');
    const tokens = await json(post(url, { model: 'm', prompt: [1, 2, 3, 4, 5, 6] }));
    expect(tokens.usage.prompt_tokens).toBe(6);
  });

  it('streams text chunks, a finish chunk, the usage chunk and [DONE]', async () => {
    const chunks = dataOf(await sse(await post(url, { model: 'm', prompt: 'Hi', stream: true, stream_options: { include_usage: true } })));
    expect(chunks.at(-1)).toBe('[DONE]');
    const usage = chunks.at(-2);
    expect(usage).toMatchObject({ object: 'text_completion', choices: [], usage: { completion_tokens: 5 } });
    const body = chunks.slice(0, -2);
    expect(body.map((chunk) => chunk.choices[0].text).join('')).toBe('Mock reply to: Hi');
    expect(body.at(-1).choices[0].finish_reason).toBe('stop');
    for (const chunk of body) expect(chunk.usage).toBeNull();
  });

  it('rejects a missing prompt', async () => {
    expect((await post(url, { model: 'm' })).status).toBe(400);
  });
});
