/** `POST /v1/embeddings`: deterministic unit vectors, as float arrays or little-endian float32 base64. */
import { DEFAULT_DIMENSIONS, embed, toBase64 } from '../embeddings';
import type { JsonObject, MockRoute, RouteRequest, RouteResponse } from '../route';
import { countTokens } from '../tokens';
import { openaiFormat } from './format';

const MAX_DIMENSIONS = 8192;

/** Strings, or token-id arrays (hashed as their JSON and counted one token per id). */
function inputs(body: JsonObject): (string | number[])[] {
  const input = body.input;
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input)) return [];
  return typeof input[0] === 'number' ? [input as number[]] : (input as (string | number[])[]);
}

export const embeddingsRoute: MockRoute = {
  method: 'POST',
  path: '/v1/embeddings',
  format: openaiFormat,
  promptText(body) {
    const last = inputs(body).at(-1);
    return typeof last === 'string' ? last : '';
  },
  validate(body) {
    if (typeof body.model !== 'string' || body.model === '') return "Missing required parameter: 'model'.";
    const list = inputs(body);
    if (list.length === 0 || list.some((item) => item === '' || (typeof item !== 'string' && !Array.isArray(item)))) {
      return "Invalid 'input': expected a non-empty string or array.";
    }
    const { dimensions, encoding_format: encoding } = body;
    const validDimensions = Number.isInteger(dimensions) && (dimensions as number) >= 1 && (dimensions as number) <= MAX_DIMENSIONS;
    if (dimensions !== undefined && !validDimensions) {
      return `Invalid 'dimensions': expected an integer between 1 and ${MAX_DIMENSIONS}.`;
    }
    if (encoding !== undefined && encoding !== 'float' && encoding !== 'base64') {
      return "Invalid 'encoding_format': expected 'float' or 'base64'.";
    }
    return undefined;
  },
  respond(input: RouteRequest): RouteResponse {
    const dimensions = (input.body.dimensions as number | undefined) ?? DEFAULT_DIMENSIONS;
    const base64 = input.body.encoding_format === 'base64';
    let tokens = 0;
    const data = inputs(input.body).map((item, index) => {
      const text = typeof item === 'string' ? item : JSON.stringify(item);
      tokens += typeof item === 'string' ? countTokens(item) : item.length;
      const vector = embed(text, dimensions);
      return { object: 'embedding', index, embedding: base64 ? toBase64(vector) : Array.from(vector) };
    });
    return { json: { object: 'list', data, model: input.body.model, usage: { prompt_tokens: tokens, total_tokens: tokens } } };
  },
};
