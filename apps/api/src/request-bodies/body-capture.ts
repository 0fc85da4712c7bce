/** Raw stream frames kept per request before assembly; past this the assembled answer is marked truncated. */
const MAX_FRAME_CHARS = 512 * 1024;
/** A non-stream answer longer than this is not parsed for the log (embeddings can be megabytes). */
const MAX_RESPONSE_CHARS = 1024 * 1024;

/**
 * What a request of an org that logs bodies said and got back, held by reference on the request path
 * (no copies, no parsing) and assembled, masked and stored afterwards by RequestBodiesService.
 */
export class BodyCapture {
  /** The client's body as sent: a shallow copy, since the gateway later masks and bounds fields. */
  readonly request: Record<string, unknown>;
  private response: string | null = null;
  private frames: string[] = [];
  private frameChars = 0;
  private cut = false;

  constructor(body: object) {
    this.request = { ...body };
  }

  /** A new upstream attempt starts: what an earlier one produced never reached the client. */
  reset(): void {
    this.response = null;
    this.frames = [];
    this.frameChars = 0;
    this.cut = false;
  }

  respond(body: string): void {
    if (body.length > MAX_RESPONSE_CHARS) this.cut = true;
    else this.response = body;
  }

  frame(json: string): void {
    if (this.frameChars + json.length > MAX_FRAME_CHARS) {
      this.cut = true;
      return;
    }
    this.frames.push(json);
    this.frameChars += json.length;
  }

  /** The answer as JSON-ready data: the body for non-stream calls, the assembled stream for streams. */
  answer(): { value: unknown; truncated: boolean } {
    if (this.frames.length) return { value: assembleStream(this.frames), truncated: this.cut };
    if (this.response === null) return { value: null, truncated: this.cut };
    try {
      return { value: JSON.parse(this.response), truncated: this.cut };
    } catch {
      return { value: this.response, truncated: this.cut };
    }
  }
}

interface ToolCallDelta {
  index?: number;
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}

interface ChunkChoice {
  index?: number;
  text?: string;
  delta?: { role?: string; content?: string | null; refusal?: string | null; tool_calls?: ToolCallDelta[] };
  finish_reason?: string | null;
}

interface AssembledChoice {
  index: number;
  message: { role: string; content: string; tool_calls?: { id?: string; type: string; function: { name: string; arguments: string } }[] };
  finish_reason: string | null;
}

/**
 * Joins OpenAI-format stream chunks (chat deltas or completion text) into one answer per choice: the
 * text, the tool calls with their arguments concatenated, the finish reason, and the usage if sent.
 */
export function assembleStream(frames: readonly string[]): { id: string | null; model: string | null; choices: AssembledChoice[]; usage: unknown } {
  const choices = new Map<number, AssembledChoice>();
  let id: string | null = null;
  let model: string | null = null;
  let usage: unknown = null;
  for (const frame of frames) {
    let chunk: { id?: string; model?: string; choices?: ChunkChoice[]; usage?: unknown };
    try {
      chunk = JSON.parse(frame);
    } catch {
      continue;
    }
    id ??= chunk.id ?? null;
    model ??= chunk.model ?? null;
    if (chunk.usage) usage = chunk.usage;
    for (const c of chunk.choices ?? []) {
      const index = c.index ?? 0;
      let choice = choices.get(index);
      if (!choice) {
        choice = { index, message: { role: 'assistant', content: '' }, finish_reason: null };
        choices.set(index, choice);
      }
      choice.message.content += c.text ?? c.delta?.content ?? c.delta?.refusal ?? '';
      for (const call of c.delta?.tool_calls ?? []) mergeToolCall(choice, call);
      if (c.finish_reason) choice.finish_reason = c.finish_reason;
    }
  }
  return { id, model, choices: [...choices.values()].sort((a, b) => a.index - b.index), usage };
}

function mergeToolCall(choice: AssembledChoice, delta: ToolCallDelta): void {
  const calls = (choice.message.tool_calls ??= []);
  const at = delta.index ?? calls.length;
  const call = (calls[at] ??= { type: 'function', function: { name: '', arguments: '' } });
  if (delta.id) call.id = delta.id;
  if (delta.type) call.type = delta.type;
  if (delta.function?.name) call.function.name += delta.function.name;
  if (delta.function?.arguments) call.function.arguments += delta.function.arguments;
}
