import { describe, expect, it } from 'vitest';
import { completionRequestSchema } from './completion.schema';
import { zodErrorToOpenAIError } from './validation-error';

function paramOf(body: unknown): string | null {
  const result = completionRequestSchema.safeParse(body);
  if (result.success) throw new Error('expected the body to be rejected');
  return zodErrorToOpenAIError(result.error).param;
}

describe('completionRequestSchema', () => {
  it.each([
    ['a string', 'Say this is a test'],
    ['strings', ['a', 'b']],
    ['tokens', [1, 2, 3]],
    ['token arrays', [[1, 2], [3]]],
    ['null', null],
  ])('accepts a prompt of %s', (_name, prompt) => {
    expect(completionRequestSchema.safeParse({ model: 'gpt-3.5-turbo-instruct', prompt }).success).toBe(true);
  });

  it('accepts the legacy parameters and preserves unknown fields', () => {
    const body = {
      model: 'gpt-3.5-turbo-instruct',
      prompt: 'x',
      suffix: 'y',
      max_tokens: 16,
      stream: true,
      stream_options: { include_usage: true },
      echo: true,
      logprobs: 5,
      best_of: 3,
      n: 2,
      stop: '\n',
      temperature: 0.5,
      top_p: 1,
      presence_penalty: 0,
      frequency_penalty: 0,
      logit_bias: { '50256': -100 },
      seed: 1,
      user: 'u',
      guided_json: { type: 'object' },
    };
    const result = completionRequestSchema.safeParse(body);
    expect(result.data).toEqual(body);
  });

  it.each([
    ['missing prompt', { model: 'm' }, 'prompt'],
    ['prompt of objects', { model: 'm', prompt: [{}] }, 'prompt[0]'],
    ['mixed token arrays', { model: 'm', prompt: [[1, 'a']] }, 'prompt[0][1]'],
    ['logprobs above 5', { model: 'm', prompt: 'x', logprobs: 6 }, 'logprobs'],
    ['best_of above 20', { model: 'm', prompt: 'x', best_of: 21 }, 'best_of'],
    ['temperature above 2', { model: 'm', prompt: 'x', temperature: 3 }, 'temperature'],
    ['zero max_tokens', { model: 'm', prompt: 'x', max_tokens: 0 }, 'max_tokens'],
  ])('rejects %s', (_name, body, param) => {
    expect(paramOf(body)).toBe(param);
  });
});
