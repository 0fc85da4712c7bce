/**
 * Vendor presets for the `openai-compatible` kind, as data. A deployment picks one with
 * `ProviderTarget.vendor`; without it the generic profile applies. Add vendors here.
 */
import type { OpenAIFamilyProfile } from '../openai/openai-family.profile';

/** Any server that speaks the OpenAI API; assumed to report stream usage when asked. */
export const GENERIC_OPENAI_COMPATIBLE: OpenAIFamilyProfile = {
  name: 'OpenAI-compatible',
  streamUsage: true,
};

export const OPENAI_COMPATIBLE_PROFILES: Readonly<Record<string, OpenAIFamilyProfile>> = {
  generic: GENERIC_OPENAI_COMPATIBLE,
};
