/** OpenAI itself: the family adapter with OpenAI's own profile (every operation, model list). */
import type { ProviderAdapter } from '../core/adapter.types';
import { createOpenAIFamilyAdapter } from './openai-family.adapter';
import { OPENAI_PROFILE } from './openai-family.profile';

export const openAIAdapter: ProviderAdapter = createOpenAIFamilyAdapter('openai', () => OPENAI_PROFILE);
