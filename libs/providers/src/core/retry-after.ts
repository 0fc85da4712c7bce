/**
 * Reads how long the upstream asked us to wait. OpenAI sends `retry-after-ms` next to `retry-after`;
 * `retry-after` itself is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 */
export function parseRetryAfter(headers: Record<string, string>, now: number = Date.now()): number | undefined {
  const millis = headers['retry-after-ms'];
  if (millis !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(millis)) {
    return Math.ceil(Number(millis) / 1000);
  }
  const value = headers['retry-after']?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value));
  // Date.parse accepts bare numbers such as "-5" as years; an HTTP date always has a day name.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
