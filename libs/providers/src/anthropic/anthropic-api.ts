/** Where and how to call the Anthropic Messages API. */
import type { ProviderTarget } from '../core/adapter.types';
import { buildHeaders, joinUrl } from '../core/request';

export const ANTHROPIC_VERSION = '2023-06-01';

export function anthropicMessagesUrl(target: ProviderTarget): string {
  return joinUrl(target.baseUrl, '/v1/messages');
}

/** `anthropic-version` may be overridden (and `anthropic-beta` added) by the account's static headers. */
export function anthropicHeaders(target: ProviderTarget): Record<string, string> {
  return buildHeaders(
    { 'content-type': 'application/json', 'anthropic-version': ANTHROPIC_VERSION },
    target,
    { 'x-api-key': target.apiKey },
  );
}
