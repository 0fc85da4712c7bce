/**
 * `POST /v1beta/models/{model}:embedContent` and `:batchEmbedContents`: the same deterministic unit
 * vectors as the OpenAI embeddings (equal texts embed equally across formats), `outputDimensionality`
 * honoured.
 */
import { DEFAULT_DIMENSIONS, embed } from '../embeddings';
import type { JsonObject, MockRoute, RouteContext, RouteRequest, RouteResponse } from '../route';
import { contentText } from '../tokens';
import { geminiFormat } from './format';

const MAX_DIMENSIONS = 8192;

interface EmbedContentRequest {
  model?: string;
  content?: { parts?: { text?: string }[] };
  outputDimensionality?: number;
}

function invalid(request: EmbedContentRequest, field: string): string | undefined {
  const parts = request?.content?.parts;
  if (!Array.isArray(parts) || parts.length === 0 || contentText(parts) === '') {
    return `* ${field}content.parts: must contain at least one text part`;
  }
  const dimensions = request.outputDimensionality;
  if (dimensions !== undefined && (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > MAX_DIMENSIONS)) {
    return `* ${field}output_dimensionality: must be between 1 and ${MAX_DIMENSIONS}`;
  }
  return undefined;
}

function values(request: EmbedContentRequest): number[] {
  return Array.from(embed(contentText(request.content?.parts), request.outputDimensionality ?? DEFAULT_DIMENSIONS));
}

export const embedContentRoute: MockRoute = {
  method: 'POST',
  path: '/v1beta/models/{model}:embedContent',
  format: geminiFormat,
  promptText: (body) => contentText((body as EmbedContentRequest).content?.parts),
  validate: (body) => invalid(body as EmbedContentRequest, 'EmbedContentRequest.'),
  respond(input: RouteRequest): RouteResponse {
    return { json: { embedding: { values: values(input.body as EmbedContentRequest) } } };
  },
};

function requests(body: JsonObject): EmbedContentRequest[] {
  return Array.isArray(body.requests) ? (body.requests as EmbedContentRequest[]) : [];
}

export const batchEmbedContentsRoute: MockRoute = {
  method: 'POST',
  path: '/v1beta/models/{model}:batchEmbedContents',
  format: geminiFormat,
  promptText: (body) => contentText(requests(body).at(-1)?.content?.parts),
  validate(body, { params }: RouteContext) {
    const list = requests(body);
    if (list.length === 0) return '* BatchEmbedContentsRequest.requests: requests is not specified';
    for (const [index, request] of list.entries()) {
      const problem = invalid(request, `BatchEmbedContentsRequest.requests[${index}].`);
      if (problem) return problem;
      // Every request names its model, and it must be the one in the URL.
      if (request.model !== undefined && request.model !== `models/${params.model}`) {
        return `* BatchEmbedContentsRequest.requests[${index}].model: '${request.model}' does not match the model in the URL, 'models/${params.model}'`;
      }
    }
    return undefined;
  },
  respond(input: RouteRequest): RouteResponse {
    return { json: { embeddings: requests(input.body).map((request) => ({ values: values(request) })) } };
  },
};
