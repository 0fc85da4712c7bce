/**
 * Deterministic token counts: ceil(chars / 4) per text, plus a fixed overhead per message, so tests
 * can predict usage exactly without a tokenizer.
 */

export const MESSAGE_OVERHEAD_TOKENS = 3;

export function countTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/**
 * The text of a message content in either format: a string, or parts/blocks of which only the
 * `text` ones count (OpenAI `{type:'text',text}`, Anthropic text blocks and tool_result strings).
 */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  let text = '';
  for (const part of content as { type?: string; text?: unknown; content?: unknown }[]) {
    if (part === null || typeof part !== 'object') continue;
    if (typeof part.text === 'string') text += (text ? '\n' : '') + part.text;
    else if (part.type === 'tool_result') text += (text ? '\n' : '') + contentText(part.content);
  }
  return text;
}

/** Prompt tokens of a message list: text tokens plus the per-message overhead. */
export function messagesTokens(messages: readonly { content?: unknown }[]): number {
  let tokens = 0;
  for (const message of messages) tokens += countTokens(contentText(message.content)) + MESSAGE_OVERHEAD_TOKENS;
  return tokens;
}

/** Tool definitions cost prompt tokens too; counted from their JSON so the figure is stable. */
export function toolsTokens(tools: unknown): number {
  return Array.isArray(tools) && tools.length > 0 ? countTokens(JSON.stringify(tools)) : 0;
}

/** A non-empty array of objects with a string `role`; the shape every chat format shares. */
export function isMessageList(value: unknown): value is { role: string; content?: unknown }[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((message) => message !== null && typeof message === 'object' && typeof message.role === 'string')
  );
}

/** The text of the last message with role `user` (directives and default replies come from it). */
export function lastUserText(messages: readonly { role?: unknown; content?: unknown }[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i].role === 'user') return contentText(messages[i].content);
  }
  return '';
}
