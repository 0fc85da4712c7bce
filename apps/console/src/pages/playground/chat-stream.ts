import { ApiError, toApiError } from '../../api/client';
import { createSseParser, interpretChatData, type ChatUsage } from '../../lib/sse';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatStreamResult {
  text: string;
  /** From the response headers: who served it and how it was chosen. */
  provider: string | null;
  strategy: string | null;
  requestId: string | null;
  model: string | null;
  usage: ChatUsage | null;
  finishReason: string | null;
  /** An error frame after the stream started (`data: {"error":…}`). */
  error: { message: string; code: string | null } | null;
  ttftMs: number | null;
  totalMs: number;
}

interface StreamChatOptions {
  fetch: typeof globalThis.fetch;
  apiKey: string;
  model: string;
  messages: ChatMessage[];
  maxTokens?: number;
  signal?: AbortSignal;
  onText(text: string): void;
  now?: () => number;
}

/**
 * One streamed chat completion through the gateway, read with fetch + ReadableStream (EventSource cannot
 * POST or send a bearer key). Text is reported as it arrives; failures before the stream starts throw
 * an ApiError, failures after it are returned in `error` with the text received so far.
 */
export async function streamChat({ fetch, apiKey, model, messages, maxTokens, signal, onText, now = () => performance.now() }: StreamChatOptions): Promise<ChatStreamResult> {
  const started = now();
  let response: Response;
  try {
    response = await fetch('/v1/chat/completions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify({ model, messages, stream: true, stream_options: { include_usage: true }, ...(maxTokens && { max_tokens: maxTokens }) }),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError('network_error', "Can't reach the gateway. Check your connection and try again.", 0);
  }
  if (!response.ok || !response.body) {
    const body = await response.text().catch(() => '');
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      payload = undefined;
    }
    throw toApiError(response.status, payload);
  }

  const result: ChatStreamResult = {
    text: '', provider: response.headers.get('x-ai-router-provider'), strategy: response.headers.get('x-ai-router-strategy'),
    requestId: response.headers.get('x-request-id'), model: null, usage: null, finishReason: null, error: null, ttftMs: null, totalMs: 0,
  };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  let finished = false;
  const handle = (data: string) => {
    for (const event of interpretChatData(data)) {
      if (event.kind === 'done') finished = true;
      else if (event.kind === 'error') {
        result.error = { message: event.message, code: event.code };
        finished = true;
      } else if (event.kind === 'usage') result.usage = event.usage;
      else {
        if (event.model) result.model = event.model;
        if (event.finishReason) result.finishReason = event.finishReason;
        if (event.text) {
          result.ttftMs ??= Math.round(now() - started);
          result.text += event.text;
          onText(result.text);
        }
      }
    }
  };
  try {
    while (!finished) {
      const { value, done } = await reader.read();
      if (done) {
        parser.end().forEach(handle);
        break;
      }
      parser.push(value).forEach(handle);
    }
  } finally {
    if (finished) await reader.cancel().catch(() => undefined);
  }
  result.totalMs = Math.round(now() - started);
  return result;
}
