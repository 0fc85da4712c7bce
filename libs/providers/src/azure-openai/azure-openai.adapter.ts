/**
 * Azure OpenAI: the OpenAI family with Azure's paths and key header. `baseUrl` is the resource
 * endpoint (`https://<resource>.openai.azure.com`), `upstreamModel` the deployment name.
 *
 * - dated API (`settings.apiVersion`, default 2024-10-21):
 *   `/openai/deployments/{deployment}/{operation}?api-version=...`, the body names no model;
 * - `settings.apiVersion: "v1"`: `/openai/v1/{operation}` with the deployment as `model`, no
 *   api-version (the v1 API is GA without one).
 *
 * Image edits need a deployment of gpt-image-1 and api-version 2025-04-01-preview or later (or v1);
 * the default 2024-10-21 only has generations (DALL·E 3).
 */
import type { Operation, ProviderAdapter, ProviderTarget } from '../core/adapter.types';
import { createOpenAIFamilyAdapter, OPENAI_PATHS, type OpenAIFamilyEndpoint } from '../openai/openai-family.adapter';
import { ALL_OPERATIONS, type OpenAIFamilyProfile } from '../openai/openai-family.profile';
import { parseAzureOpenAIError } from './azure-openai-error';

export const AZURE_OPENAI_DEFAULT_API_VERSION = '2024-10-21';
const DATED_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

/** `settings.apiVersion`, checked: a typo would otherwise surface as an opaque 404 from Azure. */
export function azureApiVersion(target: ProviderTarget): string {
  const version = target.settings?.apiVersion?.trim() || AZURE_OPENAI_DEFAULT_API_VERSION;
  if (version !== 'v1' && !DATED_VERSION.test(version)) {
    throw new Error(`Invalid Azure OpenAI apiVersion '${version}': expected YYYY-MM-DD, YYYY-MM-DD-preview or v1`);
  }
  return version;
}

/** Tolerates a trailing slash and a pasted `/openai` or `/openai/v1` suffix. */
function resourceEndpoint(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/openai(\/v1)?$/i, '');
}

function endpoint(operation: Operation, target: ProviderTarget): OpenAIFamilyEndpoint {
  const version = azureApiVersion(target);
  const base = resourceEndpoint(target.baseUrl);
  if (version === 'v1') return { url: `${base}/openai/v1${OPENAI_PATHS[operation]}`, modelInBody: true };
  const deployment = encodeURIComponent(target.upstreamModel);
  return {
    url: `${base}/openai/deployments/${deployment}${OPENAI_PATHS[operation]}?api-version=${encodeURIComponent(version)}`,
    modelInBody: false,
  };
}

/**
 * The models the resource can deploy (base and fine-tuned models, documented in the 2024-10-21
 * authoring API and GA in v1). These are model ids, not deployment names: listing deployments
 * (`/openai/deployments`) is not available in current API versions.
 */
function modelsUrl(target: ProviderTarget): string {
  const version = azureApiVersion(target);
  const base = resourceEndpoint(target.baseUrl);
  if (version === 'v1') return `${base}/openai/v1/models`;
  return `${base}/openai/models?api-version=${encodeURIComponent(version)}`;
}

const profiles = new Map<string, OpenAIFamilyProfile>();

/**
 * Older dated versions reject arguments they do not know: `stream_options` arrived with
 * 2024-09-01-preview (GA in 2024-10-21), stored completions (`store`, `metadata`) with 2024-12-01-preview.
 */
function profileFor(target: ProviderTarget): OpenAIFamilyProfile {
  const version = azureApiVersion(target);
  const streamUsage = version === 'v1' || version >= '2024-09-01';
  const storedCompletions = version === 'v1' || version >= '2024-12-01';
  const key = `${streamUsage}|${storedCompletions}`;
  let profile = profiles.get(key);
  if (!profile) {
    profile = {
      name: 'Azure OpenAI',
      streamUsage,
      drop: storedCompletions ? [] : ['store', 'metadata'],
      operations: ALL_OPERATIONS,
      modelList: true,
      auth: { kind: 'header', name: 'api-key' },
    };
    profiles.set(key, profile);
  }
  return profile;
}

export const azureOpenAIAdapter: ProviderAdapter = createOpenAIFamilyAdapter('azure-openai', profileFor, {
  endpoint,
  modelsUrl,
  parseError: parseAzureOpenAIError,
  // The first chunk of a filtered deployment is `{"choices":[],"prompt_filter_results":[...]}`.
  stream: { dropChoicelessChunks: true },
});
