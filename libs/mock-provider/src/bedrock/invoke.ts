/**
 * `POST /model/{modelId}/invoke` for the embedding models, in each model's native body: Amazon Titan
 * text embeddings (`{inputText, dimensions?}`) and Cohere Embed (`{texts, input_type}`), chosen by
 * the model id (foundation-model id, cross-region profile `us.`..., or an ARN ending in one).
 */
import { DEFAULT_DIMENSIONS, embed } from '../embeddings';
import type { JsonObject, MockRoute, RouteContext, RouteRequest, RouteResponse } from '../route';
import { countTokens } from '../tokens';
import { bedrockFormat } from './format';

const MAX_DIMENSIONS = 8192;
const MAX_COHERE_TEXTS = 96;
const COHERE_INPUT_TYPES = new Set(['search_document', 'search_query', 'classification', 'clustering']);

type Family = 'titan' | 'cohere';

function family(modelId: string): Family | undefined {
  const id = modelId.slice(modelId.lastIndexOf('/') + 1).replace(/^(?:us|eu|apac|us-gov|global|jp|au|ca)\./, '');
  if (id.startsWith('amazon.titan-embed')) return 'titan';
  if (id.startsWith('cohere.embed')) return 'cohere';
  return undefined;
}

function invalidDimensions(value: unknown, field: string): string | undefined {
  if (value === undefined || (Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_DIMENSIONS)) return undefined;
  return `Malformed input request: #/${field}: expected an integer between 1 and ${MAX_DIMENSIONS}, please reformat your input and try again.`;
}

function validateTitan(body: JsonObject): string | undefined {
  if (typeof body.inputText !== 'string' || body.inputText === '') {
    return 'Malformed input request: #: required key [inputText] not found, please reformat your input and try again.';
  }
  const types = body.embeddingTypes;
  if (types !== undefined && (!Array.isArray(types) || types.some((type) => type !== 'float' && type !== 'binary'))) {
    return "Malformed input request: #/embeddingTypes: expected 'float' and/or 'binary', please reformat your input and try again.";
  }
  return invalidDimensions(body.dimensions, 'dimensions');
}

function validateCohere(body: JsonObject): string | undefined {
  const texts = body.texts;
  if (!Array.isArray(texts) || texts.length === 0 || texts.length > MAX_COHERE_TEXTS || texts.some((text) => typeof text !== 'string')) {
    return `Malformed input request: #/texts: expected 1 to ${MAX_COHERE_TEXTS} strings, please reformat your input and try again.`;
  }
  if (!COHERE_INPUT_TYPES.has(body.input_type as string)) {
    return `Malformed input request: #/input_type: expected one of ${[...COHERE_INPUT_TYPES].join(', ')}, please reformat your input and try again.`;
  }
  const types = body.embedding_types;
  if (types !== undefined && (!Array.isArray(types) || types.some((type) => type !== 'float'))) {
    return "Malformed input request: #/embedding_types: mock-provider supports only 'float', please reformat your input and try again.";
  }
  return invalidDimensions(body.output_dimension, 'output_dimension');
}

/** InvokeModel reports the token count and latency in headers, since the body is the model's own. */
function headers(tokens: number, receivedAt: number): Record<string, string> {
  return { 'x-amzn-bedrock-input-token-count': String(tokens), 'x-amzn-bedrock-invocation-latency': String(Date.now() - receivedAt) };
}

export const invokeRoute: MockRoute = {
  method: 'POST',
  path: '/model/{modelId}/invoke',
  format: bedrockFormat,
  promptText(body) {
    if (typeof body.inputText === 'string') return body.inputText;
    const last = Array.isArray(body.texts) ? body.texts.at(-1) : undefined;
    return typeof last === 'string' ? last : '';
  },
  validate(body, { params }: RouteContext) {
    const kind = family(params.modelId);
    if (!kind) return `The provided model identifier is invalid: mock-provider invokes only amazon.titan-embed-* and cohere.embed-* models.`;
    return kind === 'titan' ? validateTitan(body) : validateCohere(body);
  },
  respond(input: RouteRequest): RouteResponse {
    const body = input.body;
    if (family(input.params.modelId) === 'titan') {
      const text = body.inputText as string;
      const vector = Array.from(embed(text, (body.dimensions as number | undefined) ?? DEFAULT_DIMENSIONS));
      const tokens = countTokens(text);
      const json: Record<string, unknown> = { embedding: vector, inputTextTokenCount: tokens };
      const types = body.embeddingTypes as string[] | undefined;
      if (types) {
        json.embeddingsByType = Object.fromEntries(types.map((type) => [type, type === 'float' ? vector : vector.map((v) => (v > 0 ? 1 : 0))]));
      }
      return { json, headers: headers(tokens, input.receivedAt) };
    }
    const texts = body.texts as string[];
    const dimensions = (body.output_dimension as number | undefined) ?? DEFAULT_DIMENSIONS;
    const vectors = texts.map((text) => Array.from(embed(text, dimensions)));
    const byType = Array.isArray(body.embedding_types);
    const json = {
      embeddings: byType ? { float: vectors } : vectors,
      id: input.id('embed-'),
      response_type: byType ? 'embeddings_by_type' : 'embeddings_floats',
      texts,
    };
    return { json, headers: headers(texts.reduce((sum, text) => sum + countTokens(text), 0), input.receivedAt) };
  },
};
