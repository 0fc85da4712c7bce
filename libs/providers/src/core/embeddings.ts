/** OpenAI embedding lists for the translating families (Gemini, Bedrock), read from plain vectors. */
import type { EmbeddingRequest, EmbeddingResponse } from '@ai-router/contracts';
import type { ResponseContext, TransformedResponse } from './adapter.types';
import { AdapterRequestError } from './errors';
import { emptyUsage } from './usage';

/** These families embed text only: token arrays (OpenAI's pre-tokenised input) have no equivalent. */
export function embeddingTexts(input: EmbeddingRequest['input'], provider: string): string[] {
  if (typeof input === 'string') return [input];
  if (input.every((item): item is string => typeof item === 'string')) return input;
  throw new AdapterRequestError('input', `${provider} embedding models accept text only, not token arrays.`, 'invalid_value');
}

export function isVector(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'number');
}

/** OpenAI's base64 layout: the vector as little-endian float32 bytes. */
export function toBase64Float32(vector: readonly number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((value, index) => bytes.writeFloatLE(value, index * 4));
  return bytes.toString('base64');
}

/** The vectors in input order, encoded as the client asked (OpenAI's default is float). */
export function embeddingListResponse(vectors: number[][], promptTokens: number, ctx: ResponseContext): TransformedResponse {
  const base64 = ctx.encodingFormat === 'base64';
  const response: EmbeddingResponse = {
    object: 'list',
    data: vectors.map((vector, index) => ({ object: 'embedding', index, embedding: base64 ? toBase64Float32(vector) : vector })),
    model: ctx.requestModel,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  };
  return { body: JSON.stringify(response), usage: { ...emptyUsage(), inputTokens: promptTokens } };
}
