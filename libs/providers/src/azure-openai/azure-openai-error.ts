/**
 * Azure OpenAI error bodies -> UpstreamError. Azure speaks OpenAI's envelope with its own codes:
 * numeric strings ("401", "429"), `DeploymentNotFound`, and content-filter rejections carrying the
 * per-category policy verdicts, which are summarised rather than passed on.
 */
import type { UpstreamError } from '../core/adapter.types';
import { isRecord, parseJsonObject, stringOrNull, type JsonObject } from '../core/json';
import { parseOpenAIError } from '../openai/openai-error';

const CONTENT_FILTER_CODES = new Set(['content_filter', 'contentfilter', 'content_policy_violation']);

/** Chat uses `innererror.content_filter_result`; DALL·E uses `inner_error.content_filter_results`. */
function innerErrorOf(error: JsonObject): JsonObject | undefined {
  if (isRecord(error.innererror)) return error.innererror;
  return isRecord(error.inner_error) ? error.inner_error : undefined;
}

function isContentFilter(error: JsonObject): boolean {
  const code = stringOrNull(error.code)?.toLowerCase();
  if (code && CONTENT_FILTER_CODES.has(code)) return true;
  return innerErrorOf(error)?.code === 'ResponsibleAIPolicyViolation';
}

/** Names of the categories that triggered the filter (hate, violence, jailbreak, custom_blocklists ...). */
function filteredCategories(error: JsonObject): string[] {
  const inner = innerErrorOf(error);
  const results = inner?.content_filter_result ?? inner?.content_filter_results;
  if (!isRecord(results)) return [];
  return Object.entries(results)
    .filter(([, verdict]) => isRecord(verdict) && verdict.filtered === true)
    .map(([category]) => category.replace(/-/g, '_'));
}

function contentFilterError(error: JsonObject): UpstreamError {
  const categories = filteredCategories(error);
  const detail = categories.length > 0 ? ` (filtered categories: ${categories.join(', ')})` : '';
  return {
    status: 400,
    type: 'invalid_request_error',
    code: 'content_filter',
    param: stringOrNull(error.param),
    message: `The request was rejected by the Azure OpenAI content filter${detail}. Modify the prompt and retry.`,
    retryable: false,
  };
}

/** Azure's own codes -> the codes OpenAI clients know; numeric status echoes carry no information. */
function normaliseCode(code: string | null, status: number): string | null {
  if (code === 'DeploymentNotFound') return 'model_not_found';
  if (code !== null && !/^\d+$/.test(code)) return code;
  if (status === 401) return 'invalid_api_key';
  if (status === 429) return 'rate_limit_exceeded';
  return null;
}

export function parseAzureOpenAIError(status: number, body: string, headers: Record<string, string>): UpstreamError {
  const parsed = parseJsonObject(body);
  const error = isRecord(parsed?.error) ? parsed.error : undefined;
  if (error && isContentFilter(error)) return contentFilterError(error);

  const mapped = parseOpenAIError(status, body, headers);
  mapped.code = normaliseCode(mapped.code, status);
  if (status === 429 && mapped.retryAfterSeconds === undefined) {
    // Without the retry-after(-ms) headers, Azure's message still says "Please retry after N seconds".
    const wait = /retry after (\d+) seconds?/i.exec(mapped.message);
    if (wait) mapped.retryAfterSeconds = Number(wait[1]);
  }
  return mapped;
}
