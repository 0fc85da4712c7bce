/** `POST /v1/chat/completions`: a `chat.completion` object, or `chat.completion.chunk` SSE frames. */
import { splitArguments, splitText } from '../reply';
import type { MockRoute, RouteRequest, RouteResponse } from '../route';
import type { MockDirective } from '../types';
import { type ChatAnswer, type ChatRequest, chatPromptText, chatPromptTokens, planChatAnswer, validateChat } from './chat-answer';
import { openaiFormat } from './format';
import { openaiUsage } from './usage';

const FINGERPRINT = 'fp_mock';

export const chatCompletionsRoute: MockRoute = {
  method: 'POST',
  path: '/v1/chat/completions',
  format: openaiFormat,
  promptText: chatPromptText,
  validate: validateChat,
  respond(input: RouteRequest): RouteResponse {
    const request = input.body as unknown as ChatRequest;
    const answer = planChatAnswer(request, input.options);
    const n = request.n ?? 1;
    const id = input.id('chatcmpl-');
    const toolCallIds = answer.kind === 'tool' ? Array.from({ length: n }, () => input.id('call_')) : [];
    const usage = openaiUsage(chatPromptTokens(request), answer.completionTokens * n, input.options);
    if (request.stream === true) {
      const includeUsage = request.stream_options?.include_usage === true;
      const stream: ChunkStream = { id, created: input.created, model: request.model, includeUsage };
      return { sse: chatChunks(stream, answer, n, toolCallIds, usage, input.options) };
    }
    const choices = Array.from({ length: n }, (_, index) => ({
      index,
      message: message(answer, toolCallIds[index]),
      logprobs: null,
      finish_reason: answer.finishReason,
    }));
    return {
      json: {
        id,
        object: 'chat.completion',
        created: input.created,
        model: request.model,
        choices,
        usage,
        service_tier: 'default',
        system_fingerprint: FINGERPRINT,
      },
    };
  },
};

function message(answer: ChatAnswer, toolCallId: string | undefined): Record<string, unknown> {
  if (answer.kind === 'text') return { role: 'assistant', content: answer.text, refusal: null, annotations: [] };
  return {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: toolCallId, type: 'function', function: { name: answer.name, arguments: answer.arguments } }],
    refusal: null,
    annotations: [],
  };
}

interface ChunkStream {
  id: string;
  created: number;
  model: string;
  includeUsage: boolean;
}

/**
 * Frames in the official order: per choice a role delta (carrying the tool call id and name for
 * tool answers), content or argument deltas, a finish delta; then the usage chunk when asked for;
 * then `[DONE]`. With `include_usage` every earlier chunk carries `"usage":null`.
 */
function* chatChunks(
  stream: ChunkStream,
  answer: ChatAnswer,
  n: number,
  toolCallIds: string[],
  usage: unknown,
  options: MockDirective,
): Generator<string> {
  // The envelope is identical for every chunk, so it is serialised once.
  const head =
    `data: {"id":${JSON.stringify(stream.id)},"object":"chat.completion.chunk","created":${stream.created},` +
    `"model":${JSON.stringify(stream.model)},"system_fingerprint":"${FINGERPRINT}","choices":[`;
  const tail = stream.includeUsage ? '],"usage":null}\n\n' : ']}\n\n';
  const chunk = (index: number, delta: unknown, finishReason: string | null = null): string =>
    head + JSON.stringify({ index, delta, logprobs: null, finish_reason: finishReason }) + tail;

  for (let index = 0; index < n; index++) {
    if (answer.kind === 'text') {
      yield chunk(index, { role: 'assistant', content: '', refusal: null });
      for (const content of splitText(answer.text, options.chunks)) yield chunk(index, { content });
    } else {
      const call = { index: 0, id: toolCallIds[index], type: 'function', function: { name: answer.name, arguments: '' } };
      yield chunk(index, { role: 'assistant', content: null, tool_calls: [call], refusal: null });
      for (const args of splitArguments(answer.arguments, options.chunks)) {
        yield chunk(index, { tool_calls: [{ index: 0, function: { arguments: args } }] });
      }
    }
    yield chunk(index, {}, answer.finishReason);
  }
  if (stream.includeUsage) yield `${head}],"usage":${JSON.stringify(usage)}}\n\n`;
  yield 'data: [DONE]\n\n';
}
