/**
 * Azure OpenAI reuses the OpenAI routes: `/openai/deployments/{deployment}/<op>?api-version=...`
 * (the deployment stands in for `model`, in the request and so in the answer) and the v1 API
 * `/openai/v1/<op>`. Chat and completions answers carry Azure's content-filter results.
 */
import { chatCompletionsRoute } from '../openai/chat-completions';
import { completionsRoute } from '../openai/completions';
import { embeddingsRoute } from '../openai/embeddings';
import { imageEditsRoute, imageGenerationsRoute } from '../openai/images';
import type { JsonObject, MockRoute, Rejection, RouteRequest, RouteResponse } from '../route';
import { sseData } from '../sse';
import { COMPLETION_FILTER_RESULTS, PROMPT_FILTER_RESULTS, azureOpenaiFormat, contentFilterError } from './format';

export { azureOpenaiFormat } from './format';

const OPERATIONS: readonly [string, MockRoute][] = [
  ['chat/completions', chatCompletionsRoute],
  ['completions', completionsRoute],
  ['embeddings', embeddingsRoute],
  ['images/generations', imageGenerationsRoute],
  ['images/edits', imageEditsRoute],
];

/** The operations Azure runs its text content filters on. */
const FILTERED: ReadonlySet<MockRoute> = new Set([chatCompletionsRoute, completionsRoute]);

const API_VERSION = /^(\d{4}-\d{2}-\d{2}(-preview)?|preview|latest)$/;

/** Azure answers a missing api-version as an unknown resource, an unknown one as a bad request. */
function apiVersionRejection(query: URLSearchParams): Rejection | undefined {
  const version = query.get('api-version');
  if (!version) return { status: 404, message: 'Resource not found' };
  return API_VERSION.test(version) ? undefined : { status: 400, message: 'API version not supported' };
}

const withModel = (body: JsonObject, deployment: string): JsonObject => ({ ...body, model: deployment });

function deploymentRoute(operation: string, base: MockRoute): MockRoute {
  return {
    method: base.method,
    path: `/openai/deployments/{deployment}/${operation}`,
    format: azureOpenaiFormat,
    body: base.body,
    promptText: base.promptText,
    validate: (body, context) => apiVersionRejection(context.query) ?? base.validate?.(withModel(body, context.params.deployment), context),
    respond: (request) => azureAnswer(base, { ...request, body: withModel(request.body, request.params.deployment) }),
  };
}

function v1Route(operation: string, base: MockRoute): MockRoute {
  return {
    method: base.method,
    path: `/openai/v1/${operation}`,
    format: azureOpenaiFormat,
    body: base.body,
    promptText: base.promptText,
    validate: base.validate,
    respond: (request) => azureAnswer(base, request),
  };
}

function azureAnswer(base: MockRoute, request: RouteRequest): RouteResponse {
  if (!FILTERED.has(base)) return base.respond(request);
  if (request.options.contentFilter) return { status: 400, json: contentFilterError() };
  const answer = base.respond(request);
  if ('json' in answer) return { ...answer, json: withFilterResults(answer.json as JsonObject) };
  if ('sse' in answer) return { sse: withPromptFilterChunk(answer.sse) };
  return answer;
}

function withFilterResults(json: JsonObject): JsonObject {
  const choices = (json.choices as JsonObject[]).map((choice) => ({ ...choice, content_filter_results: COMPLETION_FILTER_RESULTS }));
  return { ...json, choices, prompt_filter_results: PROMPT_FILTER_RESULTS };
}

/** Azure streams open with a chunk that has no choices, only the prompt filter results. */
function* withPromptFilterChunk(frames: Iterable<string>): Generator<string> {
  yield sseData({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: PROMPT_FILTER_RESULTS });
  yield* frames;
}

export const azureOpenaiRoutes: readonly MockRoute[] = OPERATIONS.flatMap(([operation, base]) => [
  deploymentRoute(operation, base),
  v1Route(operation, base),
]);
