import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProviderTarget } from '../core/adapter.types';
import { referenceSignature, sha256Hex } from './__fixtures__/sigv4-reference';
import type { BedrockCredentials } from './bedrock-api';
import { signBedrockRequest } from './bedrock-signing';
import { bedrockAdapter } from './bedrock.adapter';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const credentials: BedrockCredentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET, sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE//token==' };
const signingDate = new Date('2025-01-31T12:34:56Z');
const MODEL_ARN = 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const body = '{"messages":[{"role":"user","content":[{"text":"Hi"}]}]}';

describe('the node:crypto SigV4 reference', () => {
  // AWS Signature Version 4 test suite: get-vanilla and post-vanilla.
  it.each([
    ['GET', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
    ['POST', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b'],
  ])('reproduces the published %s vanilla vector', (method, signature) => {
    const result = referenceSignature(
      { method, canonicalUri: '/', headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z' }, body: '' },
      { secretAccessKey: SECRET, region: 'us-east-1', service: 'service', amzDate: '20150830T123600Z' },
    );
    expect(result.signature).toBe(signature);
  });
});

describe('signBedrockRequest', () => {
  const url = `https://bedrock-runtime.us-east-1.amazonaws.com/model/${encodeURIComponent(MODEL_ARN)}/converse`;
  const headers = { 'content-type': 'application/json', accept: 'application/json', 'x-team': 'search' };

  it('signs every header with service bedrock, escaping the escaped ARN once more in the canonical URI', async () => {
    const signed = await signBedrockRequest({ url, headers, body }, credentials, 'us-east-1', signingDate);
    const expectedHeaders = {
      ...headers,
      host: 'bedrock-runtime.us-east-1.amazonaws.com',
      'x-amz-date': '20250131T123456Z',
      'x-amz-security-token': credentials.sessionToken!,
      'x-amz-content-sha256': sha256Hex(body),
    };
    const canonicalUri =
      '/model/arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012%253Ainference-profile%252Fus.anthropic.claude-sonnet-4-5-20250929-v1%253A0/converse';
    const reference = referenceSignature(
      { method: 'POST', canonicalUri, headers: expectedHeaders, body },
      { secretAccessKey: SECRET, region: 'us-east-1', service: 'bedrock', amzDate: '20250131T123456Z' },
    );
    expect(reference.signedHeaders).toBe('accept;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-team');
    expect(signed).toEqual({
      method: 'POST',
      url,
      body,
      headers: {
        ...expectedHeaders,
        authorization:
          `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250131/us-east-1/bedrock/aws4_request, ` +
          `SignedHeaders=${reference.signedHeaders}, Signature=${reference.signature}`,
      },
    });
  });

  it('sends no security token for long-term keys and signs the port of a non-default host', async () => {
    const local = 'http://127.0.0.1:4010/bedrock/model/amazon.titan-embed-text-v2%3A0/invoke';
    const { sessionToken: _, ...longTerm } = credentials;
    const signed = await signBedrockRequest({ url: local, headers: {}, body: '{}' }, longTerm, 'eu-west-3', signingDate);
    const reference = referenceSignature(
      {
        method: 'POST',
        canonicalUri: '/bedrock/model/amazon.titan-embed-text-v2%253A0/invoke',
        headers: { host: '127.0.0.1:4010', 'x-amz-date': '20250131T123456Z', 'x-amz-content-sha256': sha256Hex('{}') },
        body: '{}',
      },
      { secretAccessKey: SECRET, region: 'eu-west-3', service: 'bedrock', amzDate: '20250131T123456Z' },
    );
    expect(signed.headers).not.toHaveProperty('x-amz-security-token');
    expect(signed.headers.host).toBe('127.0.0.1:4010');
    expect(signed.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${reference.scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=${reference.signature}`,
    );
  });

  it('changes the signature when the body changes', async () => {
    const a = await signBedrockRequest({ url, headers, body }, credentials, 'us-east-1', signingDate);
    const b = await signBedrockRequest({ url, headers, body: `${body} ` }, credentials, 'us-east-1', signingDate);
    expect(a.headers.authorization).not.toBe(b.headers.authorization);
  });
});

describe('bedrockAdapter signing', () => {
  afterEach(() => vi.useRealTimers());

  it('signs at the current time with the credentials from the API key', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(signingDate);
    const target: ProviderTarget = {
      kind: 'bedrock',
      baseUrl: '',
      apiKey: JSON.stringify(credentials),
      upstreamModel: MODEL_ARN,
      settings: { region: 'us-east-1' },
      // Static headers may not override what the signature owns.
      headers: { 'X-Amz-Date': '19990101T000000Z', Authorization: 'Bearer nope', 'X-Team': 'search' },
    };
    const request = { model: 'claude', messages: [{ role: 'user' as const, content: 'Hi' }] };
    const upstream = await bedrockAdapter.chat!.buildRequest(request, target, { includeStreamUsage: true });
    const upstreamBody = upstream.body as string;
    const reference = referenceSignature(
      {
        method: 'POST',
        canonicalUri: `/model/${encodeURIComponent(encodeURIComponent(MODEL_ARN))}/converse`,
        headers: Object.fromEntries(Object.entries(upstream.headers).filter(([name]) => name !== 'authorization')),
        body: upstreamBody,
      },
      { secretAccessKey: SECRET, region: 'us-east-1', service: 'bedrock', amzDate: '20250131T123456Z' },
    );
    expect(upstream.headers['x-amz-date']).toBe('20250131T123456Z');
    expect(upstream.headers['x-team']).toBe('search');
    expect(upstream.headers.authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${reference.scope}, SignedHeaders=${reference.signedHeaders}, Signature=${reference.signature}`,
    );
    expect(reference.signedHeaders).toBe('content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-team');
  });
});
