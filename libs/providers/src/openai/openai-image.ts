/**
 * OpenAI Images API pieces shared by the OpenAI family: the multipart body of `/images/edits` and the
 * usage of an image response (`{created, data: [{url | b64_json, revised_prompt}], usage?}`).
 */
import type { UploadedFile } from '@ai-router/contracts';
import type { NormalizedUsage, TransformedResponse } from '../core/adapter.types';
import { AdapterRequestError, invalidUpstreamResponse, UpstreamResponseError } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * Usage of an image response. gpt-image models report tokens as `input_tokens` / `output_tokens`
 * (with `input_tokens_details.text_tokens` / `image_tokens`); DALL·E reports none (zeros); some
 * vendors use the chat names (`prompt_tokens` / `completion_tokens`). `images` is what was produced.
 */
export function usageFromImageResponse(response: JsonObject): NormalizedUsage {
  const usage = isRecord(response.usage) ? response.usage : {};
  const details = isRecord(usage.input_tokens_details) ? usage.input_tokens_details : {};
  const inputTokens =
    count(usage.input_tokens) || count(details.text_tokens) + count(details.image_tokens) || count(usage.prompt_tokens);
  return {
    inputTokens,
    outputTokens: count(usage.output_tokens) || count(usage.completion_tokens),
    cachedInputTokens: Math.min(count(details.cached_tokens), inputTokens),
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    images: Array.isArray(response.data) ? response.data.length : 0,
  };
}

/** The body goes back untouched; it is parsed to count images and read token usage. */
export function transformImageResponse(body: string): TransformedResponse {
  const parsed = parseJsonObject(body);
  if (!parsed) throw new UpstreamResponseError(invalidUpstreamResponse('the body is not a JSON object'));
  if (!Array.isArray(parsed.data)) throw new UpstreamResponseError(invalidUpstreamResponse('the image response has no data list'));
  return { body, usage: usageFromImageResponse(parsed) };
}

/** The gateway answers image requests in one piece; a streamed image body could not be read. */
export function rejectImageStreaming(request: object): void {
  const stream = (request as JsonObject).stream;
  if (stream !== undefined && stream !== null && stream !== false && stream !== 'false') {
    throw new AdapterRequestError('stream', "Streaming image responses are not supported; send the request without 'stream'.");
  }
}

function toBlob(file: UploadedFile): Blob {
  return new Blob([file.data], { type: file.contentType });
}

/**
 * `POST /images/edits` as multipart/form-data. One image goes as `image` (what dall-e-2 requires and
 * gpt-image accepts); several go as repeated `image[]` parts, the form OpenAI documents for gpt-image
 * and its SDKs send for arrays. No content-type header: fetch/undici writes it with the boundary.
 *
 * @param fields the scalar fields, already mapped by the profile (model excluded)
 */
export function imageEditForm(
  model: string | undefined,
  fields: JsonObject,
  image: readonly UploadedFile[] | undefined,
  mask: UploadedFile | undefined,
): FormData {
  if (!Array.isArray(image) || image.length === 0) {
    throw new AdapterRequestError('image', "Missing required parameter: 'image'.", 'missing_required_parameter');
  }
  const form = new FormData();
  if (model !== undefined) form.append('model', model);
  for (const [name, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new AdapterRequestError(name, `'${name}' must be a string, number or boolean in a multipart request.`, 'invalid_type');
    }
    form.append(name, String(value));
  }
  const imageField = image.length === 1 ? 'image' : 'image[]';
  for (const file of image) form.append(imageField, toBlob(file), file.filename);
  if (mask) form.append('mask', toBlob(mask), mask.filename);
  return form;
}
