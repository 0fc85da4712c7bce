/** Reads a model list: OpenAI's `{object: "list", data: [{id}]}`, or a bare array of `{id}` (Together). */
import { invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord } from '../core/json';

export function parseModelList(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new UpstreamResponseError(invalidUpstreamResponse('the model list is not JSON'));
  }
  const entries = Array.isArray(parsed) ? parsed : isRecord(parsed) && Array.isArray(parsed.data) ? parsed.data : undefined;
  if (!entries) throw new UpstreamResponseError(invalidUpstreamResponse('the model list has no data list'));
  const ids = new Set<string>();
  for (const entry of entries) {
    if (isRecord(entry) && typeof entry.id === 'string' && entry.id !== '') ids.add(entry.id);
  }
  return [...ids];
}
