/** Helpers to assemble an UpstreamRequest. */
import type { ProviderTarget, UpstreamRequest } from './adapter.types';

/** Joins a base URL and a path, tolerating a trailing slash on the configured base URL. */
export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * Header names are case-insensitive; lower-casing everything keeps one entry per name. Static
 * account headers may add to or override the defaults, never the credentials.
 */
export function buildHeaders(
  defaults: Record<string, string>,
  target: ProviderTarget,
  credentials: Record<string, string>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const source of [defaults, target.headers ?? {}, credentials]) {
    for (const [name, value] of Object.entries(source)) headers[name.toLowerCase()] = value;
  }
  return headers;
}

export function postJson(url: string, headers: Record<string, string>, body: object): UpstreamRequest {
  return { method: 'POST', url, headers, body: JSON.stringify(body) };
}
