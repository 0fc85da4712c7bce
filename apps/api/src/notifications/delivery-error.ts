/** A failed attempt whose message was built from safe parts (HTTP status, error codes), fit for the delivery log. */
export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
}

const MAX_MESSAGE = 500;

/**
 * The text stored in `last_error` and logged: a DeliveryError's message, or a generic line for
 * anything unexpected (whose message could quote anything). Either way every secret of the channel,
 * and the token-bearing parts of secret URLs, are cut out.
 */
export function safeErrorMessage(err: unknown, secrets: Record<string, string>): string {
  return scrubSecrets(err instanceof DeliveryError ? err.message : 'internal error while delivering', secrets);
}

/** `text` with every secret of the channel cut out, at most 500 characters. */
export function scrubSecrets(text: string, secrets: Record<string, string>): string {
  let out = text;
  for (const fragment of secretFragments(secrets)) out = out.split(fragment).join('[redacted]');
  return out.slice(0, MAX_MESSAGE);
}

/** Every string that would reveal a secret: the values, their base64 (SMTP AUTH), URL paths, queries and query values. */
function secretFragments(secrets: Record<string, string>): string[] {
  const fragments = new Set<string>();
  for (const value of Object.values(secrets)) {
    if (value.length < 4) continue;
    fragments.add(value);
    fragments.add(Buffer.from(value).toString('base64'));
    if (!/^https?:\/\//.test(value)) continue;
    const url = new URL(value);
    for (const part of [url.pathname + url.search, url.search, ...url.searchParams.values(), ...url.pathname.split('/')]) {
      if (part.length >= 8) fragments.add(part);
    }
  }
  // Longest first, so a value is cut whole before any of its parts.
  return [...fragments].sort((a, b) => b.length - a.length);
}
