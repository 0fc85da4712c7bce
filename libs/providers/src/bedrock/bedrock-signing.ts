/**
 * AWS Signature Version 4 for Bedrock Runtime requests (signing name `bedrock`). Every header sent is
 * signed, `host` included; the signer adds `x-amz-date`, `x-amz-security-token` (temporary
 * credentials), `x-amz-content-sha256` and `authorization`.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { UpstreamRequest } from '../core/adapter.types';
import type { BedrockCredentials } from './bedrock-api';

export const BEDROCK_SIGNING_SERVICE = 'bedrock';

export interface UnsignedBedrockRequest {
  url: string;
  headers: Record<string, string>;
  /** Serialised JSON; the bytes signed are its UTF-8 encoding, the same bytes that are sent. */
  body: string;
}

export async function signBedrockRequest(
  request: UnsignedBedrockRequest,
  credentials: BedrockCredentials,
  region: string,
  signingDate: Date = new Date(),
): Promise<UpstreamRequest> {
  const url = new URL(request.url);
  const unsigned = new HttpRequest({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    // Kept escaped as sent; the signer escapes each segment once more for the canonical request,
    // as AWS expects of every service but S3 (`%3A` in a model ARN is signed as `%253A`).
    path: url.pathname,
    headers: { ...request.headers, host: url.host },
    body: request.body,
  });
  const signer = new SignatureV4({ service: BEDROCK_SIGNING_SERVICE, region, credentials, sha256: Sha256 });
  const signed = await signer.sign(unsigned, { signingDate });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  return { method: 'POST', url: request.url, headers, body: request.body };
}
