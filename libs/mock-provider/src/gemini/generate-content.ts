/**
 * `POST /v1beta/models/{model}:generateContent` (one GenerateContentResponse) and
 * `:streamGenerateContent` (SSE `data:` frames with `?alt=sse`, no [DONE]; a JSON array of the same
 * responses without it, as the API sends when `alt` is absent).
 */
import type { MockRoute, RouteRequest, RouteResponse } from '../route';
import { type GeminiAnswer, type GenerateContentRequest, geminiPromptText, planGeminiAnswer, validateGenerateContent } from './content-answer';
import { geminiFrame, geminiFormat } from './format';

/** The fields every response of one answer shares. */
interface Envelope {
  modelVersion: string;
  responseId: string;
}

const NEGLIGIBLE = ['HARM_CATEGORY_HATE_SPEECH', 'HARM_CATEGORY_HARASSMENT', 'HARM_CATEGORY_SEXUALLY_EXPLICIT'].map((category) => ({
  category,
  probability: 'NEGLIGIBLE',
}));

/** The ratings a safety stop reports: one category blocked at HIGH probability. */
const BLOCKED_RATINGS = [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }, ...NEGLIGIBLE];

function plan(input: RouteRequest): { answer: GeminiAnswer; envelope: Envelope } {
  const answer = planGeminiAnswer(input.body as unknown as GenerateContentRequest, input.options);
  return { answer, envelope: { modelVersion: input.params.model, responseId: input.id('') } };
}

export const generateContentRoute: MockRoute = {
  method: 'POST',
  path: '/v1beta/models/{model}:generateContent',
  format: geminiFormat,
  promptText: geminiPromptText,
  validate: validateGenerateContent,
  respond(input: RouteRequest): RouteResponse {
    const { answer, envelope } = plan(input);
    if (answer.kind !== 'text') return { json: [...responses(answer, envelope)][0] };
    const text = answer.pieces.join('');
    return { json: candidateResponse(text === '' && answer.finishReason !== 'STOP' ? [] : [{ text }], answer, envelope) };
  },
};

export const streamGenerateContentRoute: MockRoute = {
  method: 'POST',
  path: '/v1beta/models/{model}:streamGenerateContent',
  format: geminiFormat,
  promptText: geminiPromptText,
  validate: validateGenerateContent,
  respond(input: RouteRequest): RouteResponse {
    const { answer, envelope } = plan(input);
    if (input.query.get('alt') !== 'sse') return { json: [...responses(answer, envelope)] };
    return { sse: sseFrames(responses(answer, envelope)) };
  },
};

function* sseFrames(responses: Iterable<unknown>): Generator<string> {
  for (const response of responses) yield geminiFrame(response);
}

/**
 * The stream: one response per text piece, the last carrying finishReason and usageMetadata; a
 * function call whole in one response; a blocked prompt as promptFeedback without candidates. An
 * early stop (`finishReason` directive) ends with a response that has no content.
 */
function* responses(answer: GeminiAnswer, envelope: Envelope): Generator<unknown> {
  if (answer.kind === 'blocked') {
    yield { promptFeedback: { blockReason: 'SAFETY', safetyRatings: BLOCKED_RATINGS }, usageMetadata: answer.usage, ...envelope };
    return;
  }
  if (answer.kind === 'call') {
    yield candidateResponse([{ functionCall: { name: answer.name, args: answer.args } }], answer, envelope);
    return;
  }
  const early = answer.finishReason !== 'STOP' && answer.finishReason !== 'MAX_TOKENS';
  const last = early ? answer.pieces.length : answer.pieces.length - 1;
  for (let i = 0; i < last; i++) {
    yield { candidates: [{ content: { parts: [{ text: answer.pieces[i] }], role: 'model' }, index: 0 }], ...envelope };
  }
  yield candidateResponse(early ? [] : [{ text: answer.pieces[last] }], answer, envelope);
}

function candidateResponse(parts: unknown[], answer: Exclude<GeminiAnswer, { kind: 'blocked' }>, envelope: Envelope): unknown {
  const finishReason = answer.kind === 'call' ? 'STOP' : answer.finishReason;
  const candidate: Record<string, unknown> = parts.length > 0 ? { content: { parts, role: 'model' } } : {};
  candidate.finishReason = finishReason;
  candidate.index = 0;
  if (finishReason === 'SAFETY') candidate.safetyRatings = BLOCKED_RATINGS;
  return { candidates: [candidate], usageMetadata: answer.usage, ...envelope };
}
