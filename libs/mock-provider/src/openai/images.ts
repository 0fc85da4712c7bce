/**
 * `POST /v1/images/generations` (JSON) and `POST /v1/images/edits` (multipart): deterministic tiny
 * PNGs as `b64_json`, or as URLs under `/mock-images/` that the mock serves itself. `gpt-image`
 * models always answer `b64_json` with token usage, as the API does; DALL·E 3 revises the prompt.
 */
import { createHash } from 'node:crypto';
import { stripDirectives } from '../faults';
import { mockPng } from '../png';
import { type UploadedFile, isUploadedFile } from '../request-body';
import type { JsonObject, MockRoute, RouteRequest, RouteResponse } from '../route';
import { countTokens } from '../tokens';
import { openaiFormat } from './format';

const MAX_IMAGES = 10;
/** gpt-image-1 output tokens per image at 1024x1024; other sizes cost half as much again. */
const OUTPUT_TOKENS: Record<string, number> = { low: 272, medium: 1056, high: 4160 };
/** A nominal cost per input image for edits (the real one depends on the image). */
const INPUT_IMAGE_TOKENS = 194;
const IMAGE_ID = /^[0-9a-f]{16}$/;

interface ImageRequest {
  prompt: string;
  model: string;
  n: number;
  size: string;
  responseFormat: string;
  quality: string;
  images: UploadedFile[];
}

/** Reads the fields shared by both endpoints; multipart fields arrive as strings, hence `Number(n)`. */
function readRequest(body: JsonObject, images: UploadedFile[]): ImageRequest | string {
  const { prompt, size = 'auto', response_format: responseFormat = 'url', quality = 'auto' } = body;
  const model = typeof body.model === 'string' && body.model !== '' ? body.model : 'dall-e-2';
  const n = body.n === undefined ? 1 : Number(body.n);
  if (typeof prompt !== 'string' || prompt === '') return "Missing required parameter: 'prompt'.";
  if (!Number.isInteger(n) || n < 1 || n > MAX_IMAGES) return `Invalid 'n': expected an integer between 1 and ${MAX_IMAGES}.`;
  if (model === 'dall-e-3' && n !== 1) return "Invalid 'n': dall-e-3 supports only n=1.";
  if (typeof size !== 'string' || !/^(auto|\d+x\d+)$/.test(size)) return `Invalid 'size': '${String(size)}'.`;
  if (responseFormat !== 'url' && responseFormat !== 'b64_json') return "Invalid 'response_format': expected 'url' or 'b64_json'.";
  if (typeof quality !== 'string') return "Invalid 'quality'.";
  return { prompt, model, n, size, responseFormat, quality, images };
}

/** `image` or `image[]`: one or more files. */
function uploadedImages(body: JsonObject): UploadedFile[] | string {
  const value = body.image ?? body['image[]'];
  if (value === undefined) return "Missing required parameter: 'image'.";
  const files = Array.isArray(value) ? value : [value];
  if (files.length === 0 || !files.every(isUploadedFile)) return "Invalid 'image': expected one or more file uploads.";
  if (body.mask !== undefined && !isUploadedFile(body.mask)) return "Invalid 'mask': expected a file upload.";
  return files;
}

function answer(request: ImageRequest, input: RouteRequest): RouteResponse {
  const gptImage = request.model.includes('gpt-image');
  const prompt = stripDirectives(request.prompt);
  const seed = [request.model, prompt, request.size, ...request.images.map((file) => `${file.name}:${file.size}`)].join('\n');
  const data = Array.from({ length: request.n }, (_, index) => {
    const id = createHash('sha256').update(`${seed}\n${index}`).digest('hex').slice(0, 16);
    const entry: Record<string, string> = {};
    if (gptImage || request.responseFormat === 'b64_json') entry.b64_json = mockPng(id).toString('base64');
    else entry.url = `${input.baseUrl}/mock-images/${id}.png`;
    if (!gptImage && request.model !== 'dall-e-2') entry.revised_prompt = `Mock revision of: ${prompt}`;
    return entry;
  });
  const json: Record<string, unknown> = { created: input.created, data };
  if (gptImage) {
    const quality = OUTPUT_TOKENS[request.quality] ? request.quality : 'medium';
    const size = request.size === 'auto' ? '1024x1024' : request.size;
    const perImage = OUTPUT_TOKENS[quality] * (size === '1024x1024' ? 1 : 1.5);
    const text = countTokens(prompt);
    const image = request.images.length * INPUT_IMAGE_TOKENS;
    const output = perImage * request.n;
    const usage = {
      total_tokens: text + image + output,
      input_tokens: text + image,
      output_tokens: output,
      input_tokens_details: { text_tokens: text, image_tokens: image },
    };
    Object.assign(json, { background: 'opaque', output_format: 'png', quality, size, usage });
  }
  return { json };
}

const promptText = (body: JsonObject): string => (typeof body.prompt === 'string' ? body.prompt : '');

export const imageGenerationsRoute: MockRoute = {
  method: 'POST',
  path: '/v1/images/generations',
  format: openaiFormat,
  promptText,
  validate(body) {
    const request = readRequest(body, []);
    return typeof request === 'string' ? request : undefined;
  },
  respond: (input) => answer(readRequest(input.body, []) as ImageRequest, input),
};

export const imageEditsRoute: MockRoute = {
  method: 'POST',
  path: '/v1/images/edits',
  format: openaiFormat,
  body: 'multipart',
  promptText,
  validate(body) {
    const images = uploadedImages(body);
    if (typeof images === 'string') return images;
    const request = readRequest(body, images);
    return typeof request === 'string' ? request : undefined;
  },
  respond: (input) => answer(readRequest(input.body, uploadedImages(input.body) as UploadedFile[]) as ImageRequest, input),
};

/** The files behind `url` answers: derived from the id alone, so nothing is stored. */
export const mockImageRoute: MockRoute = {
  method: 'GET',
  path: '/mock-images/{id}.png',
  format: openaiFormat,
  public: true,
  validate: (_body, { params }) => (IMAGE_ID.test(params.id) ? undefined : { status: 404, message: 'No such mock image.' }),
  respond: (input) => ({ bytes: mockPng(input.params.id), contentType: 'image/png' }),
};
