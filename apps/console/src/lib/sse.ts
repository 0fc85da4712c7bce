/**
 * Server-sent events for the playground: text in (as it arrives, split anywhere), the `data` of each
 * complete event out. Comments (`: keep-alive`), `event:`/`id:` fields and CRLF line ends are handled;
 * multi-line data is joined with "\n" as the SSE spec says.
 */
export interface SseParser {
  push(text: string): string[];
  /** The last event when the stream ended without a blank line after it. */
  end(): string[];
}

export function createSseParser(): SseParser {
  let buffer = '';
  let data: string[] = [];

  const line = (raw: string, out: string[]) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text === '') {
      if (data.length) out.push(data.join('\n'));
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
  };

  return {
    push(text) {
      buffer += text;
      const out: string[] = [];
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        line(buffer.slice(0, newline), out);
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
      return out;
    },
    end() {
      const out: string[] = [];
      if (buffer !== '') line(buffer, out);
      buffer = '';
      line('', out);
      return out;
    },
  };
}

export interface ChatUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** What one `data:` payload of a chat completion stream means to the playground. */
export type ChatStreamEvent =
  | { kind: 'delta'; text: string; model?: string; finishReason?: string | null }
  | { kind: 'usage'; usage: ChatUsage }
  | { kind: 'error'; message: string; code: string | null }
  | { kind: 'done' };

interface Chunk {
  model?: string;
  choices?: { delta?: { content?: string | null; refusal?: string | null }; finish_reason?: string | null }[];
  usage?: ChatUsage | null;
  error?: { message?: string; code?: string | null; type?: string };
}

export function interpretChatData(data: string): ChatStreamEvent[] {
  if (data.trim() === '[DONE]') return [{ kind: 'done' }];
  let chunk: Chunk;
  try {
    chunk = JSON.parse(data) as Chunk;
  } catch {
    return [{ kind: 'error', message: 'The stream sent data that is not JSON.', code: 'invalid_stream' }];
  }
  if (chunk.error) {
    return [{ kind: 'error', message: chunk.error.message ?? 'The stream failed.', code: chunk.error.code ?? chunk.error.type ?? null }];
  }
  const events: ChatStreamEvent[] = [];
  const choice = chunk.choices?.[0];
  if (choice) {
    const text = choice.delta?.content ?? choice.delta?.refusal ?? '';
    events.push({ kind: 'delta', text, model: chunk.model, finishReason: choice.finish_reason ?? null });
  }
  if (chunk.usage) events.push({ kind: 'usage', usage: chunk.usage });
  return events;
}
