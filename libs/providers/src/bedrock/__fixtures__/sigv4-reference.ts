/**
 * An independent AWS Signature V4 (HMAC-SHA256) written with node:crypto only, straight from the
 * published algorithm, to check the signer the adapter uses. Checked itself against AWS's SigV4
 * test suite vectors in bedrock-signing.spec.ts.
 */
import { createHash, createHmac } from 'node:crypto';

export interface ReferenceRequest {
  method: string;
  /** The canonical URI, already escaped as SigV4 wants it (each path segment escaped twice for non-S3). */
  canonicalUri: string;
  /** Lower-case names; every header listed is signed. */
  headers: Record<string, string>;
  body: string;
}

export interface ReferenceKey {
  secretAccessKey: string;
  region: string;
  service: string;
  /** `YYYYMMDDTHHMMSSZ` */
  amzDate: string;
}

export const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: string | Buffer, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();

export function referenceSignature(request: ReferenceRequest, key: ReferenceKey): { signedHeaders: string; signature: string; scope: string } {
  const names = Object.keys(request.headers).sort();
  const signedHeaders = names.join(';');
  const canonicalRequest = [
    request.method,
    request.canonicalUri,
    '',
    ...names.map((name) => `${name}:${request.headers[name]!.trim()}`),
    '',
    signedHeaders,
    sha256Hex(request.body),
  ].join('\n');
  const day = key.amzDate.slice(0, 8);
  const scope = `${day}/${key.region}/${key.service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', key.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  let signingKey = hmac(`AWS4${key.secretAccessKey}`, day);
  for (const part of [key.region, key.service, 'aws4_request']) signingKey = hmac(signingKey, part);
  return { signedHeaders, scope, signature: createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex') };
}
