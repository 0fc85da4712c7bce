import type { RequestFeatures, RoutingRequest } from './strategies/routing-strategy';

/** Tags a client attaches for rule-based routing: `x-ai-router-tags: batch, eu`. */
const TAGS_HEADER = 'x-ai-router-tags';
/** Keeps a user or session on one deployment (warm prompt caches): header, else the body's `user`. */
const STICKY_HEADER = 'x-ai-router-sticky-key';
/** When the client names no output limit, cost ranking assumes this many output tokens. */
const DEFAULT_MAX_OUTPUT_TOKENS = 1024;

export interface RoutableBody {
  messages?: unknown;
  prompt?: unknown;
  input?: unknown;
  tools?: unknown;
  user?: unknown;
  metadata?: unknown;
  max_tokens?: unknown;
  max_completion_tokens?: unknown;
}

/** What routing rules and strategies may look at, read from the request without re-serialising it. */
export function routingRequestOf(body: RoutableBody, headers: Record<string, string | string[] | undefined>): RoutingRequest {
  const flatHeaders: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string') flatHeaders[name.toLowerCase()] = value;
  }
  const { chars, images } = contentStats(body);
  const metadata = isRecord(body.metadata) ? Object.fromEntries(Object.entries(body.metadata).filter(([, v]) => typeof v === 'string')) as Record<string, string> : {};
  const features: RequestFeatures = {
    tags: (flatHeaders[TAGS_HEADER] ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    headers: flatHeaders,
    metadata,
    promptChars: chars,
    hasTools: Array.isArray(body.tools) && body.tools.length > 0,
    hasImages: images,
  };
  const maxOutput = [body.max_completion_tokens, body.max_tokens].find((v): v is number => typeof v === 'number');
  return {
    // A rough estimate is enough to rank by cost; billing counts with a real tokenizer.
    promptTokens: Math.ceil(chars / 4),
    maxOutputTokens: maxOutput ?? DEFAULT_MAX_OUTPUT_TOKENS,
    stickyKey: flatHeaders[STICKY_HEADER] ?? (typeof body.user === 'string' && body.user ? body.user : null),
    features,
  };
}

function contentStats(body: RoutableBody): { chars: number; images: boolean } {
  let chars = 0;
  let images = false;
  const visit = (value: unknown): void => {
    if (typeof value === 'string') chars += value.length;
    else if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      if (value.type === 'image_url' || value.type === 'input_image') images = true;
      for (const key of ['content', 'text']) if (key in value) visit(value[key]);
    }
  };
  visit(body.messages ?? body.prompt ?? body.input);
  return { chars, images };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
