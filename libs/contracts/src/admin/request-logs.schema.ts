import { z } from 'zod';

/** A status class (`2xx`, `4xx`, `5xx`) or one exact HTTP status (`429`; 499 = the client went away). */
export const requestStatusFilterSchema = z.string().regex(/^[1-5](xx|\d\d)$/, 'a status class like "5xx" or a code like "429"');

/** Query of the request log: newest first, filtered, paged by the opaque `cursor` of the previous page. */
export const requestLogQuerySchema = z.strictObject({
  apiKeyId: z.uuid().optional(),
  model: z.string().trim().min(1).max(200).optional(),
  status: requestStatusFilterSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});
export type RequestLogQuery = z.infer<typeof requestLogQuerySchema>;
export type RequestLogQueryInput = z.input<typeof requestLogQuerySchema>;

/** One gateway request as the list shows it. Cost is dollars with 9 decimals (exact nano-dollars). */
export interface RequestLogSummary {
  requestId: string;
  createdAt: string;
  model: string;
  operation: string;
  apiKeyId: string | null;
  /** The key's current name; null for requests without a key or after the key was deleted. */
  apiKeyName: string | null;
  userId: string | null;
  status: number;
  errorCode: string | null;
  inputTokens: number;
  outputTokens: number;
  cost: string;
  latencyMs: number;
  ttftMs: number | null;
  streamed: boolean;
}

export interface RequestLogPage {
  items: RequestLogSummary[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** The full usage row of one request, with the routing decision explained line by line. */
export interface RequestLogDetail extends RequestLogSummary {
  deploymentId: string | null;
  providerAccountId: string | null;
  providerAccountName: string | null;
  cachedInputTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  images: number;
  routing: string[];
}
