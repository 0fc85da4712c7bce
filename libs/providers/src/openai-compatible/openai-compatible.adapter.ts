/** Any OpenAI-compatible vendor: the OpenAI family adapter with the vendor's preset. */
import type { ProviderAdapter, ProviderTarget } from '../core/adapter.types';
import { createOpenAIFamilyAdapter } from '../openai/openai-family.adapter';
import type { OpenAIFamilyProfile } from '../openai/openai-family.profile';
import { OPENAI_COMPATIBLE_PROFILES } from './openai-compatible.profiles';

export function createOpenAICompatibleAdapter(
  profiles: Readonly<Record<string, OpenAIFamilyProfile>> = OPENAI_COMPATIBLE_PROFILES,
): ProviderAdapter {
  const resolve = (target: ProviderTarget): OpenAIFamilyProfile => {
    const vendor = target.vendor ?? 'generic';
    const profile = Object.hasOwn(profiles, vendor) ? profiles[vendor] : undefined;
    // A deployment configured with an unknown vendor is a setup bug; failing loudly beats guessing.
    if (!profile) throw new Error(`Unknown OpenAI-compatible vendor preset '${vendor}'`);
    return profile;
  };
  return createOpenAIFamilyAdapter('openai-compatible', resolve);
}

export const openAICompatibleAdapter: ProviderAdapter = createOpenAICompatibleAdapter();
