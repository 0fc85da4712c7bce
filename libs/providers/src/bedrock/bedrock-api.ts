/**
 * Where and how to call the Bedrock Runtime API: credentials from the account's API key, the region
 * from its settings, and the endpoint paths with the model id escaped (ARNs contain `:` and `/`).
 */
import type { ProviderTarget } from '../core/adapter.types';
import { AdapterRequestError } from '../core/errors';
import { parseJsonObject } from '../core/json';
import { joinUrl } from '../core/request';

export interface BedrockCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * The provider account cannot be used as configured (no region, for instance). Thrown by
 * `buildRequest`; like every AdapterRequestError it reaches the client as a 400 without a `param`.
 */
export class BedrockConfigurationError extends AdapterRequestError {
  constructor(message: string) {
    super(null, message, 'invalid_provider_configuration');
    this.name = 'BedrockConfigurationError';
  }
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The account's API key holds `{"accessKeyId", "secretAccessKey", "sessionToken"?}` as JSON. A key in
 * another shape is a plain Error whose message never repeats the (secret) value.
 */
export function parseBedrockCredentials(apiKey: string): BedrockCredentials {
  const raw = parseJsonObject(apiKey);
  const sessionToken = raw?.sessionToken;
  if (
    !raw ||
    !nonEmpty(raw.accessKeyId) ||
    !nonEmpty(raw.secretAccessKey) ||
    (sessionToken !== undefined && sessionToken !== null && !nonEmpty(sessionToken))
  ) {
    throw new Error(
      'The provider credential is not valid Bedrock credentials: expected a JSON object with string ' +
        "'accessKeyId' and 'secretAccessKey' (and optionally 'sessionToken').",
    );
  }
  const credentials: BedrockCredentials = { accessKeyId: raw.accessKeyId, secretAccessKey: raw.secretAccessKey };
  if (nonEmpty(sessionToken)) credentials.sessionToken = sessionToken;
  return credentials;
}

/** AWS region names: lower-case letters, digits and dashes (`us-east-1`, `eu-central-2`). */
const REGION = /^[a-z]{2}(-[a-z0-9]+)+$/;

export function bedrockRegion(target: ProviderTarget): string {
  const region = target.settings?.region?.trim();
  if (!region) {
    throw new BedrockConfigurationError("The Bedrock provider account has no region: set 'settings.region' (e.g. 'us-east-1').");
  }
  if (!REGION.test(region)) {
    throw new BedrockConfigurationError(`The Bedrock provider account's region '${region}' is not an AWS region name.`);
  }
  return region;
}

/** The configured base URL (tests point it at a mock), else the regional Bedrock Runtime endpoint. */
export function bedrockBaseUrl(target: ProviderTarget, region: string): string {
  return target.baseUrl?.trim() ? target.baseUrl : `https://bedrock-runtime.${region}.amazonaws.com`;
}

export type BedrockAction = 'converse' | 'converse-stream' | 'invoke';

/** `POST /model/{modelId}/{action}`; the model id is one path segment, so `:` and `/` are escaped. */
export function bedrockModelUrl(target: ProviderTarget, region: string, action: BedrockAction): string {
  return joinUrl(bedrockBaseUrl(target, region), `/model/${encodeURIComponent(target.upstreamModel)}/${action}`);
}

/** Static account headers never override what the signature owns. */
const SIGNER_OWNED = new Set(['authorization', 'host', 'date', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256']);

/**
 * As the AWS SDK sends them: Converse and ConverseStream take `content-type` only (the stream answers
 * `application/vnd.amazon.eventstream` regardless); InvokeModel also names the answer type in `accept`.
 */
export function bedrockHeaders(target: ProviderTarget, action: BedrockAction): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (action === 'invoke') headers.accept = 'application/json';
  for (const [name, value] of Object.entries(target.headers ?? {})) {
    const key = name.toLowerCase();
    if (!SIGNER_OWNED.has(key)) headers[key] = value;
  }
  return headers;
}
