/**
 * Azure OpenAI: the `api-key` header (or an Entra ID bearer token), Azure's own `{error:{code,
 * message}}` for what the Azure front door rejects (401, 403, 404, 429), the OpenAI envelope for
 * the rest, and the content-filter shapes.
 */
import { bearerToken, headerValue, keyAuth } from '../auth';
import { openaiError, openaiFormat } from '../openai/format';
import type { WireFormat } from '../route';

const FRONT_DOOR_STATUSES = new Set([401, 403, 404, 429]);

export const azureOpenaiFormat: WireFormat = {
  authenticate: keyAuth(
    ({ headers }) => headerValue(headers, 'api-key') ?? bearerToken(headers),
    'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
  ),
  errorBody: (status, message) => (FRONT_DOOR_STATUSES.has(status) ? { error: { code: String(status), message } } : openaiError(status, message)),
  // The OpenAI SDKs prefer `retry-after-ms`, which Azure sends beside `retry-after`.
  errorHeaders(_status, details): Record<string, string> {
    return details?.retryAfterSeconds === undefined ? {} : { 'retry-after-ms': String(details.retryAfterSeconds * 1000) };
  },
  streamErrorFrame: openaiFormat.streamErrorFrame,
};

const SAFE = { filtered: false, severity: 'safe' };

/** What Azure attaches to every choice that passed the completion filters. */
export const COMPLETION_FILTER_RESULTS = { hate: SAFE, self_harm: SAFE, sexual: SAFE, violence: SAFE };

/** What Azure attaches to the answer for a prompt that passed the prompt filters. */
export const PROMPT_FILTER_RESULTS = [
  { prompt_index: 0, content_filter_results: { ...COMPLETION_FILTER_RESULTS, jailbreak: { filtered: false, detected: false } } },
];

/** The 400 Azure answers when the prompt trips the filter (`contentFilter` directive). */
export function contentFilterError(): unknown {
  return {
    error: {
      message:
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. " +
        'To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766',
      type: null,
      param: 'prompt',
      code: 'content_filter',
      status: 400,
      innererror: {
        code: 'ResponsibleAIPolicyViolation',
        content_filter_result: {
          ...COMPLETION_FILTER_RESULTS,
          hate: { filtered: true, severity: 'high' },
          jailbreak: { filtered: false, detected: false },
        },
      },
    },
  };
}
