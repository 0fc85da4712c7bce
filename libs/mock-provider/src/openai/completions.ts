/** `POST /v1/completions` (legacy): a `text_completion` object, or `text_completion` SSE frames. */
import { defaultReply, limitTokens, splitText } from '../reply';
import type { JsonObject, MockRoute, RouteRequest, RouteResponse } from '../route';
import { sseData } from '../sse';
import { countTokens } from '../tokens';
import { openaiFormat } from './format';
import { openaiUsage } from './usage';

interface CompletionRequest {
  model: string;
  prompt: string | string[] | number[] | number[][];
  n?: number;
  max_tokens?: number | null;
  stream?: boolean;
  stream_options?: { include_usage?: boolean } | null;
}

/** The prompt as a list: strings, or token-id arrays (counted one token per id). */
function prompts(body: JsonObject): (string | number[])[] {
  const prompt = body.prompt;
  if (typeof prompt === 'string') return [prompt];
  if (!Array.isArray(prompt) || prompt.length === 0) return [];
  return typeof prompt[0] === 'number' ? [prompt as number[]] : (prompt as (string | number[])[]);
}

function promptText(body: JsonObject): string {
  const last = prompts(body).at(-1);
  return typeof last === 'string' ? last : '';
}

export const completionsRoute: MockRoute = {
  method: 'POST',
  path: '/v1/completions',
  format: openaiFormat,
  promptText,
  validate(body) {
    if (typeof body.model !== 'string' || body.model === '') return "Missing required parameter: 'model'.";
    if (prompts(body).length === 0) return "Invalid 'prompt': expected a string or a non-empty array.";
    if (body.n !== undefined && (!Number.isInteger(body.n) || (body.n as number) < 1)) return "Invalid 'n'.";
    return undefined;
  },
  respond(input: RouteRequest): RouteResponse {
    const request = input.body as unknown as CompletionRequest;
    const n = request.n ?? 1;
    const text = input.options.reply ?? defaultReply(promptText(input.body));
    const completion = limitTokens(text, request.max_tokens);
    const finishReason = completion.truncated ? 'length' : 'stop';
    let promptTokens = 0;
    for (const prompt of prompts(input.body)) promptTokens += typeof prompt === 'string' ? countTokens(prompt) : prompt.length;
    const usage = openaiUsage(promptTokens, completion.tokens * n, input.options);
    const envelope = { id: input.id('cmpl-'), object: 'text_completion', created: input.created, model: request.model };

    if (request.stream !== true) {
      const choices = Array.from({ length: n }, (_, index) => ({
        text: completion.text,
        index,
        logprobs: null,
        finish_reason: finishReason,
      }));
      return { json: { ...envelope, choices, usage } };
    }
    const includeUsage = request.stream_options?.include_usage === true;
    const pieces = splitText(completion.text, input.options.chunks);
    return {
      sse: (function* () {
        // With include_usage every chunk but the last carries `usage: null`, as in chat streams.
        const extra = includeUsage ? { usage: null } : {};
        const frame = (choice: unknown): string => sseData({ ...envelope, choices: [choice], ...extra });
        for (let index = 0; index < n; index++) {
          for (const piece of pieces) yield frame({ text: piece, index, logprobs: null, finish_reason: null });
          yield frame({ text: '', index, logprobs: null, finish_reason: finishReason });
        }
        if (includeUsage) yield sseData({ ...envelope, choices: [], usage });
        yield 'data: [DONE]\n\n';
      })(),
    };
  },
};
