import { z } from 'zod';

export const REQUEST_LOG_RETENTION_DAYS_DEFAULT = 30;
export const REQUEST_LOG_RETENTION_DAYS_MAX = 365;

/**
 * An org's request/response body logging. Off unless `bodies` is true; stored bodies always pass the
 * org's PII masker (its built-ins and custom rules, or every built-in when the org has no masking of its
 * own) and are deleted `retentionDays` after the request.
 */
export const requestLoggingSchema = z.strictObject({
  bodies: z.boolean(),
  retentionDays: z.number().int().min(1).max(REQUEST_LOG_RETENTION_DAYS_MAX).default(REQUEST_LOG_RETENTION_DAYS_DEFAULT),
});
export type RequestLogging = z.infer<typeof requestLoggingSchema>;

/** A stored body pair. `request` and `response` are JSON text, masked, cut to a bound when `truncated`. */
export interface RequestBodyView {
  requestId: string;
  status: number;
  request: string;
  /** The JSON answer, or for streams the assembled text and tool calls; null when nothing was answered. */
  response: string | null;
  truncated: boolean;
  createdAt: string;
}
