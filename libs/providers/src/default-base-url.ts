import type { ProviderKind } from './core/adapter.types';
import { OPENAI_COMPATIBLE_PROFILES } from './openai-compatible/openai-compatible.profiles';

const FAMILY_DEFAULTS: Partial<Record<ProviderKind, string>> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
  gemini: 'https://generativelanguage.googleapis.com',
};

/**
 * The endpoint an account gets when the admin leaves the base URL out, or null where it must be
 * given (Azure resources, generic OpenAI-compatible servers).
 */
export function defaultBaseUrl(kind: ProviderKind, options: { vendor?: string; settings?: Readonly<Record<string, string>> } = {}): string | null {
  if (kind === 'bedrock') return options.settings?.region ? `https://bedrock-runtime.${options.settings.region}.amazonaws.com` : null;
  if (kind === 'openai-compatible') return OPENAI_COMPATIBLE_PROFILES[options.vendor ?? 'generic']?.defaultBaseUrl ?? null;
  return FAMILY_DEFAULTS[kind] ?? null;
}
