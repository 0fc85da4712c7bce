import { describe, expect, it } from 'vitest';
import { embeddingRequestSchema } from './embedding.schema';
import { zodErrorToOpenAIError } from './validation-error';

function paramOf(body: unknown): string | null {
  const result = embeddingRequestSchema.safeParse(body);
  if (result.success) throw new Error('expected the body to be rejected');
  return zodErrorToOpenAIError(result.error).param;
}

describe('embeddingRequestSchema', () => {
  it.each([
    ['a string', 'hello'],
    ['strings', ['a', 'b']],
    ['tokens', [1, 2]],
    ['token arrays', [[1], [2, 3]]],
  ])('accepts input as %s', (_name, input) => {
    expect(embeddingRequestSchema.safeParse({ model: 'text-embedding-3-small', input }).success).toBe(true);
  });

  it('accepts the optional parameters and preserves unknown fields', () => {
    const body = {
      model: 'text-embedding-3-large',
      input: 'x',
      encoding_format: 'base64',
      dimensions: 256,
      user: 'u',
      input_type: 'query',
    };
    expect(embeddingRequestSchema.safeParse(body).data).toEqual(body);
  });

  it.each([
    ['missing input', { model: 'm' }, 'input'],
    ['empty string', { model: 'm', input: '' }, 'input'],
    ['empty array', { model: 'm', input: [] }, 'input'],
    ['empty string in an array', { model: 'm', input: ['a', ''] }, 'input[1]'],
    ['negative token', { model: 'm', input: [1, -2] }, 'input[1]'],
    ['unknown encoding_format', { model: 'm', input: 'x', encoding_format: 'int8' }, 'encoding_format'],
    ['zero dimensions', { model: 'm', input: 'x', dimensions: 0 }, 'dimensions'],
    ['empty model', { model: '', input: 'x' }, 'model'],
  ])('rejects %s', (_name, body, param) => {
    expect(paramOf(body)).toBe(param);
  });
});
