/** ProviderKind -> adapter. */
import type { ProviderAdapter, ProviderKind } from './core/adapter.types';
import { anthropicAdapter } from './anthropic/anthropic.adapter';
import { openAICompatibleAdapter } from './openai-compatible/openai-compatible.adapter';
import { openAIAdapter } from './openai/openai.adapter';

const ADAPTERS: Readonly<Record<ProviderKind, ProviderAdapter>> = {
  openai: openAIAdapter,
  'openai-compatible': openAICompatibleAdapter,
  anthropic: anthropicAdapter,
};

export function isProviderKind(value: string): value is ProviderKind {
  return Object.hasOwn(ADAPTERS, value);
}

export function getAdapter(kind: ProviderKind): ProviderAdapter {
  const adapter = ADAPTERS[kind];
  if (!adapter) throw new Error(`Unknown provider kind '${String(kind)}'`);
  return adapter;
}
