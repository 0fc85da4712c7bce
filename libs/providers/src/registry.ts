/** ProviderKind -> adapter. */
import type { ProviderAdapter, ProviderKind } from './core/adapter.types';
import { anthropicAdapter } from './anthropic/anthropic.adapter';
import { azureOpenAIAdapter } from './azure-openai/azure-openai.adapter';
import { bedrockAdapter } from './bedrock/bedrock.adapter';
import { geminiAdapter } from './gemini/gemini.adapter';
import { openAICompatibleAdapter } from './openai-compatible/openai-compatible.adapter';
import { openAIAdapter } from './openai/openai.adapter';

// Partial while families are being added; registry.spec asserts every contract kind has an adapter.
const ADAPTERS: Readonly<Partial<Record<ProviderKind, ProviderAdapter>>> = {
  openai: openAIAdapter,
  'openai-compatible': openAICompatibleAdapter,
  anthropic: anthropicAdapter,
  'azure-openai': azureOpenAIAdapter,
  bedrock: bedrockAdapter,
  gemini: geminiAdapter,
};

export function isProviderKind(value: string): value is ProviderKind {
  return Object.hasOwn(ADAPTERS, value);
}

export function getAdapter(kind: ProviderKind): ProviderAdapter {
  const adapter = ADAPTERS[kind];
  if (!adapter) throw new Error(`Unknown provider kind '${String(kind)}'`);
  return adapter;
}
