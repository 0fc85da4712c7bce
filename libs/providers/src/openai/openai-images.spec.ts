import type { ImageEditRequest, ImageGenerationRequest, UploadedFile } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import type { ProviderTarget, ResponseContext, UpstreamRequest } from '../core/adapter.types';
import { readFixture, readJsonFixture } from '../core/__fixtures__/stream-harness';
import { AdapterRequestError, UpstreamResponseError } from '../core/errors';
import { openAICompatibleAdapter } from '../openai-compatible/openai-compatible.adapter';
import { openAIAdapter } from './openai.adapter';

const target: ProviderTarget = {
  kind: 'openai',
  baseUrl: 'https://api.openai.com/v1',
  apiKey: 'sk-test-openai',
  upstreamModel: 'gpt-image-1',
  headers: { 'OpenAI-Organization': 'org-123' },
};
const ctx: ResponseContext = { requestModel: 'images-hq', requestId: 'req_img', created: 1751892800 };
const image = openAIAdapter.image!;
const imageEdit = openAIAdapter.imageEdit!;

const file = (filename: string, contentType: string, bytes: number[]): UploadedFile => ({
  filename,
  contentType,
  data: new Uint8Array(bytes),
});
const bottle = file('bottle.png', 'image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const soap = file('soap.webp', 'image/webp', [0x52, 0x49, 0x46, 0x46, 4, 5]);
const mask = file('mask.png', 'image/png', [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]);

const editRequest = (patch: Record<string, unknown> = {}) =>
  ({ model: 'images-hq', prompt: 'Put both items in a gift basket', image: [bottle], ...patch }) as ImageEditRequest;

type FormEntry = { name: string; value: string } | { name: string; filename: string; type: string; bytes: number[] };

/** Reads a FormData back in order: text fields as strings, files with name, type and bytes. */
async function readForm(body: UpstreamRequest['body']): Promise<FormEntry[]> {
  expect(body).toBeInstanceOf(FormData);
  const entries: FormEntry[] = [];
  for (const [name, value] of (body as FormData).entries()) {
    if (typeof value === 'string') entries.push({ name, value });
    else entries.push({ name, filename: value.name, type: value.type, bytes: [...new Uint8Array(await value.arrayBuffer())] });
  }
  return entries;
}

describe('OpenAI image generation', () => {
  it('posts the client body as JSON with the upstream model, unknown fields kept', async () => {
    const request = readJsonFixture<ImageGenerationRequest>(__dirname, 'image-generation-request.json');
    const upstream = await image.buildRequest(request, target, { includeStreamUsage: true });
    expect({ ...upstream, body: JSON.parse(upstream.body as string) }).toEqual(
      readJsonFixture(__dirname, 'image-generation-request.expected.json'),
    );
  });

  it('never asks for stream usage on an image request', async () => {
    const upstream = await image.buildRequest({ model: 'm', prompt: 'p' } as ImageGenerationRequest, target, { includeStreamUsage: true });
    expect(JSON.parse(upstream.body as string)).toEqual({ model: 'gpt-image-1', prompt: 'p' });
  });

  it.each([true, 'true'])('rejects a streamed image request (stream: %j) with a 400', (stream) => {
    const attempt = () => image.buildRequest({ model: 'm', prompt: 'p', stream } as never, target, { includeStreamUsage: true });
    expect(attempt).toThrow(AdapterRequestError);
    expect(attempt).toThrow("Streaming image responses are not supported; send the request without 'stream'.");
  });

  it('passes a DALL·E url response through unchanged and counts one image without tokens', () => {
    const body = readFixture(__dirname, 'image-generation-response-url.json');
    expect(image.transformResponse(body, ctx)).toEqual({
      body,
      usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, images: 1 },
    });
  });

  it('passes a gpt-image b64_json response through unchanged and reads its token usage', () => {
    const body = readFixture(__dirname, 'image-generation-response-b64.json');
    expect(image.transformResponse(body, ctx)).toEqual({
      body,
      usage: { inputTokens: 50, outputTokens: 544, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, images: 2 },
    });
  });

  it.each([
    ['input_tokens_details only', { input_tokens_details: { text_tokens: 12, image_tokens: 300 }, output_tokens: 272 }, 312, 272],
    ['chat-style names (relays)', { prompt_tokens: 9, completion_tokens: 4160, total_tokens: 4169 }, 9, 4160],
    ['Ark-style output only', { generated_images: 1, output_tokens: 16384, total_tokens: 16384 }, 0, 16384],
  ])('reads token usage from %s', (_name, usage, inputTokens, outputTokens) => {
    const body = JSON.stringify({ created: 1, data: [{ url: 'https://x/y.png' }], usage });
    expect(image.transformResponse(body, ctx).usage).toMatchObject({ inputTokens, outputTokens, images: 1 });
  });

  it.each(['<html>502</html>', '{"created":1}', '{"data":"nope"}'])('rejects an unreadable image body: %j', (body) => {
    expect(() => image.transformResponse(body, ctx)).toThrow(UpstreamResponseError);
  });

  it('offers no stream transformer for images', () => {
    expect(image.createStreamTransformer).toBeUndefined();
    expect(imageEdit.createStreamTransformer).toBeUndefined();
  });
});

describe('OpenAI image edits (multipart)', () => {
  it('sends one image as `image`, the scalar fields as strings, the mask, and no content-type', async () => {
    const request = editRequest({
      image: [bottle],
      mask,
      n: 2,
      size: '1024x1024',
      quality: 'medium',
      response_format: null,
      input_fidelity: 'high',
      output_compression: 80,
      user: 'user-42',
    });
    const upstream = await imageEdit.buildRequest(request, target, { includeStreamUsage: true });
    expect(upstream.method).toBe('POST');
    expect(upstream.url).toBe('https://api.openai.com/v1/images/edits');
    expect(upstream.headers).toEqual({ 'openai-organization': 'org-123', authorization: 'Bearer sk-test-openai' });
    expect(await readForm(upstream.body)).toEqual([
      { name: 'model', value: 'gpt-image-1' },
      { name: 'prompt', value: 'Put both items in a gift basket' },
      { name: 'n', value: '2' },
      { name: 'size', value: '1024x1024' },
      { name: 'quality', value: 'medium' },
      { name: 'input_fidelity', value: 'high' },
      { name: 'output_compression', value: '80' },
      { name: 'user', value: 'user-42' },
      { name: 'image', filename: 'bottle.png', type: 'image/png', bytes: [...bottle.data] },
      { name: 'mask', filename: 'mask.png', type: 'image/png', bytes: [...mask.data] },
    ]);
  });

  it('sends several images as repeated `image[]` parts, in order', async () => {
    const upstream = await imageEdit.buildRequest(editRequest({ image: [bottle, soap] }), target, { includeStreamUsage: false });
    const entries = await readForm(upstream.body);
    expect(entries.filter((entry) => entry.name.startsWith('image'))).toEqual([
      { name: 'image[]', filename: 'bottle.png', type: 'image/png', bytes: [...bottle.data] },
      { name: 'image[]', filename: 'soap.webp', type: 'image/webp', bytes: [...soap.data] },
    ]);
    expect(entries.some((entry) => entry.name === 'mask')).toBe(false);
  });

  it('encodes on the wire with file names and content types per part', async () => {
    const upstream = await imageEdit.buildRequest(editRequest({ image: [bottle, soap], mask }), target, { includeStreamUsage: false });
    const wire = new Response(upstream.body as FormData);
    expect(wire.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    const text = await wire.text();
    expect(text).toContain('Content-Disposition: form-data; name="image[]"; filename="bottle.png"\r\nContent-Type: image/png');
    expect(text).toContain('Content-Disposition: form-data; name="image[]"; filename="soap.webp"\r\nContent-Type: image/webp');
    expect(text).toContain('Content-Disposition: form-data; name="mask"; filename="mask.png"');
    expect(text).toContain('Content-Disposition: form-data; name="model"\r\n\r\ngpt-image-1\r\n');
  });

  it('copies only the bytes of a file that is a view into a larger buffer', async () => {
    const pool = new Uint8Array([9, 9, 7, 8, 9, 9]);
    const view = { filename: 'v.png', contentType: 'image/png', data: pool.subarray(2, 4) };
    const upstream = await imageEdit.buildRequest(editRequest({ image: [view] }), target, { includeStreamUsage: false });
    expect((await readForm(upstream.body)).at(-1)).toEqual({ name: 'image', filename: 'v.png', type: 'image/png', bytes: [7, 8] });
  });

  it('drops a static content-type header that would break the multipart boundary', async () => {
    const withType = { ...target, headers: { 'Content-Type': 'application/json' } };
    const upstream = await imageEdit.buildRequest(editRequest(), withType, { includeStreamUsage: false });
    expect(upstream.headers).not.toHaveProperty('content-type');
  });

  it.each([
    ['no image', { image: [] }, 'image', "Missing required parameter: 'image'."],
    ['a nested field', { extra: { a: 1 } }, 'extra', "'extra' must be a string, number or boolean in a multipart request."],
    ['a streamed edit', { stream: true }, 'stream', "Streaming image responses are not supported; send the request without 'stream'."],
  ])('rejects %s with a 400', (_name, patch, param, message) => {
    try {
      imageEdit.buildRequest(editRequest(patch), target, { includeStreamUsage: false });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AdapterRequestError);
      expect(error).toMatchObject({ param, message });
    }
  });

  it('passes the edit response through and reads image and cached tokens', () => {
    const body = readFixture(__dirname, 'image-edit-response.json');
    expect(imageEdit.transformResponse(body, ctx)).toEqual({
      body,
      usage: { inputTokens: 1377, outputTokens: 1056, cachedInputTokens: 1024, cacheWriteTokens: 0, reasoningTokens: 0, images: 1 },
    });
  });
});

describe('images through OpenAI-compatible vendors', () => {
  const compatible = (vendor: string, baseUrl: string): ProviderTarget => ({
    kind: 'openai-compatible',
    vendor,
    baseUrl,
    apiKey: 'key',
    upstreamModel: 'vendor-image-model',
  });

  it('sends generations and edits to a vendor that offers both', async () => {
    const relay = compatible('302ai', 'https://api.302.ai/v1');
    const generation = await openAICompatibleAdapter.image!.buildRequest({ model: 'm', prompt: 'p' } as ImageGenerationRequest, relay, {
      includeStreamUsage: true,
    });
    expect(generation.url).toBe('https://api.302.ai/v1/images/generations');
    const edit = await openAICompatibleAdapter.imageEdit!.buildRequest(editRequest(), relay, { includeStreamUsage: true });
    expect(edit.url).toBe('https://api.302.ai/v1/images/edits');
    expect((await readForm(edit.body))[0]).toEqual({ name: 'model', value: 'vendor-image-model' });
  });

  it('sends generations to a vendor without an edits endpoint, and refuses edits there', async () => {
    const together = compatible('together', 'https://api.together.xyz/v1');
    const generation = await openAICompatibleAdapter.image!.buildRequest({ model: 'm', prompt: 'p', n: 1 } as ImageGenerationRequest, together, {
      includeStreamUsage: true,
    });
    expect(generation.url).toBe('https://api.together.xyz/v1/images/generations');
    const attempt = () => openAICompatibleAdapter.imageEdit!.buildRequest(editRequest(), together, { includeStreamUsage: true });
    expect(attempt).toThrow(AdapterRequestError);
    expect(attempt).toThrow('Together AI does not offer image edits.');
  });

  it('refuses images for a vendor without them, before any call', () => {
    const attempt = () =>
      openAICompatibleAdapter.image!.buildRequest({ model: 'm', prompt: 'p' } as ImageGenerationRequest, compatible('deepseek', 'https://api.deepseek.com'), {
        includeStreamUsage: true,
      });
    expect(attempt).toThrow('DeepSeek does not offer image generation.');
  });

  it('applies the vendor preset to image fields (Zhipu makes one image a call)', () => {
    const zhipu = compatible('zhipu', 'https://open.bigmodel.cn/api/paas/v4');
    const attempt = () => openAICompatibleAdapter.image!.buildRequest({ model: 'm', prompt: 'p', n: 2 } as ImageGenerationRequest, zhipu, { includeStreamUsage: true });
    expect(attempt).toThrow("'n' must be 1 for Zhipu GLM models.");
  });
});
