import type { UploadedFile } from '@ai-router/contracts';
import type { FastifyRequest } from 'fastify';
import { AppErrorCode } from '../common/errors/app-error-code';
import { AppException } from '../common/errors/app.exception';

/** Up to 16 images and a mask, as OpenAI allows. */
const MAX_FILES = 17;

/**
 * Reads an `images/edits` multipart body into the shape the contract validates: scalar fields as
 * strings, `image` / `image[]` files as a list, `mask` as one file. Files are held in memory, so the
 * total is bounded by the body limit like any JSON body.
 */
export async function readImageEditForm(request: FastifyRequest, limitBytes: number): Promise<Record<string, unknown>> {
  if (!request.isMultipart()) {
    throw new AppException(AppErrorCode.ValidationFailed, 'images/edits expects a multipart/form-data body.');
  }
  const body: Record<string, unknown> = {};
  const images: UploadedFile[] = [];
  let total = 0;
  for await (const part of request.parts({ limits: { fileSize: limitBytes, files: MAX_FILES, fields: 50 } })) {
    if (part.type === 'field') {
      body[part.fieldname] = part.value;
      continue;
    }
    const data = await part.toBuffer();
    total += data.length;
    if (total > limitBytes) throw new AppException(AppErrorCode.PayloadTooLarge, 'request body is too large');
    const file: UploadedFile = { filename: part.filename, contentType: part.mimetype, data: new Uint8Array(data) };
    if (part.fieldname === 'mask') body.mask = file;
    else if (part.fieldname === 'image' || part.fieldname === 'image[]') images.push(file);
    else throw new AppException(AppErrorCode.ValidationFailed, `Unexpected file field '${part.fieldname}'.`, { param: part.fieldname });
  }
  body.image = images;
  return body;
}
