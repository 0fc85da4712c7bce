/** Tokens an image can add to a prompt at most (high-detail images are ~1-1.6k tokens at the big providers). */
const IMAGE_TOKEN_BOUND = 3_000;
/** Per-message framing tokens (role markers and separators) that text alone does not show. */
const MESSAGE_OVERHEAD = 8;

/**
 * An upper bound on a request's prompt tokens, for the worst-case hold: byte-level BPE tokenizers emit
 * at most one token per UTF-8 byte, so text bytes bound text tokens whatever the model's tokenizer.
 * Images count as a fixed bound instead of their (base64) bytes; tool and response schemas by their JSON.
 */
export function promptTokenBound(body: { messages?: unknown; prompt?: unknown; input?: unknown; tools?: unknown; functions?: unknown; response_format?: unknown }): number {
  let bytes = 0;
  let images = 0;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') bytes += Buffer.byteLength(value, 'utf8');
    else if (typeof value === 'number') bytes += 4;
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.type === 'image_url' || record.type === 'input_image') {
        images++;
        return;
      }
      Object.values(record).forEach(visit);
    }
  };
  const content = body.messages ?? body.prompt ?? body.input;
  visit(content);
  const messages = Array.isArray(body.messages) ? body.messages.length : 1;
  // Tool and output schemas reach the model too, keys (property names) included: their JSON bounds them.
  const schemas = [body.tools, body.functions, body.response_format].reduce<number>(
    (sum, schema) => sum + (schema == null ? 0 : Buffer.byteLength(JSON.stringify(schema), 'utf8')), 0);
  return bytes + schemas + messages * MESSAGE_OVERHEAD + images * IMAGE_TOKEN_BOUND;
}
