import type { ProviderKindName } from '@ai-router/contracts';
import { optionalText } from '../../lib/zod-form';
import type { ProviderPresets } from './use-providers';

export interface ProviderFormValues {
  name: string;
  kind: ProviderKindName;
  vendor: string;
  baseUrl: string;
  apiKey: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  apiVersion: string;
}

export const EMPTY_PROVIDER: ProviderFormValues = {
  name: '', kind: 'openai', vendor: 'generic', baseUrl: '', apiKey: '', region: '', accessKeyId: '', secretAccessKey: '', sessionToken: '', apiVersion: '',
};

/** The endpoint used when the base URL is left empty, or null where one must be given. */
export function defaultBaseUrlOf(values: ProviderFormValues, presets: ProviderPresets): string | null {
  if (values.kind === 'bedrock') return values.region.trim() ? `https://bedrock-runtime.${values.region.trim()}.amazonaws.com` : null;
  if (values.kind === 'openai-compatible') return presets.vendors.find((v) => v.name === values.vendor)?.defaultBaseUrl ?? null;
  return presets.kinds.find((k) => k.kind === values.kind)?.defaultBaseUrl ?? null;
}

/** Whether the account needs an API key: every kind but Bedrock (AWS credentials) and keyless vendors (Ollama). */
export function needsApiKey(values: ProviderFormValues, presets: ProviderPresets): boolean {
  if (values.kind === 'bedrock') return false;
  if (values.kind !== 'openai-compatible') return true;
  return presets.vendors.find((v) => v.name === values.vendor)?.authStyle.kind !== 'none';
}

/** The request body for POST provider-accounts; only the fields the kind takes. */
export function toCreateInput(v: ProviderFormValues) {
  const bedrock = v.kind === 'bedrock';
  return {
    name: v.name,
    kind: v.kind,
    baseUrl: optionalText(v.baseUrl),
    vendor: v.kind === 'openai-compatible' ? optionalText(v.vendor) : undefined,
    settings: bedrock ? { region: v.region.trim() } : v.kind === 'azure-openai' && v.apiVersion.trim() ? { apiVersion: v.apiVersion.trim() } : undefined,
    apiKey: bedrock || v.apiKey === '' ? undefined : v.apiKey,
    awsCredentials: bedrock
      ? { accessKeyId: v.accessKeyId.trim(), secretAccessKey: v.secretAccessKey.trim(), sessionToken: optionalText(v.sessionToken) }
      : undefined,
  };
}
