import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { chatCompletionRequestSchema } from './chat-completion.schema';
import { formatParamPath, zodErrorToOpenAIError, zodIssueToParam } from './validation-error';

describe('formatParamPath', () => {
  it.each([
    [['messages', 0, 'content', 1, 'image_url', 'url'], 'messages[0].content[1].image_url.url'],
    [['temperature'], 'temperature'],
    [[], null],
  ])('formats %j as %s', (path, expected) => {
    expect(formatParamPath(path)).toBe(expected);
  });
});

describe('zodIssueToParam', () => {
  it('names the field of a plain issue', () => {
    const result = z.object({ a: z.array(z.object({ b: z.number() })) }).safeParse({ a: [{ b: 'x' }] });
    expect(zodIssueToParam(result.error!.issues[0]!)).toBe('a[0].b');
  });

  it('follows the union branch that got deepest into the value', () => {
    const result = chatCompletionRequestSchema.safeParse({
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'ok' }, { type: 'image_url', image_url: {} }] }],
    });
    expect(zodIssueToParam(result.error!.issues[0]!)).toBe('messages[0].content[1].image_url.url');
  });
});

describe('zodErrorToOpenAIError', () => {
  it('builds an OpenAI error object naming the param', () => {
    const result = chatCompletionRequestSchema.safeParse({ model: 'm', messages: [{ role: 'user', content: 'x' }], temperature: 5 });
    expect(zodErrorToOpenAIError(result.error!)).toEqual({
      message: "Invalid 'temperature': Too big: expected number to be <=2",
      type: 'invalid_request_error',
      param: 'temperature',
      code: 'invalid_value',
    });
  });

  it('lists the accepted types when no union branch matched at all', () => {
    const result = chatCompletionRequestSchema.safeParse({ model: 'm', messages: [{ role: 'user', content: 5 }] });
    expect(zodErrorToOpenAIError(result.error!)).toMatchObject({
      param: 'messages[0].content',
      message: "Invalid 'messages[0].content': Invalid type: expected string or array",
    });
  });

  it('reports a body that is not an object', () => {
    const result = chatCompletionRequestSchema.safeParse('nope');
    expect(zodErrorToOpenAIError(result.error!)).toMatchObject({ param: null, code: 'invalid_type' });
  });
});
