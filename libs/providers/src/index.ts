export type * from './core/adapter.types';
export { AdapterRequestError, UpstreamResponseError, clientStatusFor, isRetryableStatus } from './core/errors';
export { parseRetryAfter } from './core/retry-after';
export { createSseDecoder, DEFAULT_MAX_SSE_BUFFER, type SseDecoder, type SseFrame } from './core/sse';
export { emptyUsage, toOpenAIUsage, usageFromAnthropic, usageFromOpenAI } from './core/usage';
export { applyParamMap, type ParamMap, type ParamMapOptions, type ParamRule } from './core/param-map';
export type { AuthStyle, OpenAIFamilyProfile } from './openai/openai-family.profile';
export {
  listVendorPresets,
  OPENAI_COMPATIBLE_PROFILES,
  type OpenAICompatibleVendorPreset,
  type StreamUsageReport,
  type VendorPresetSummary,
} from './openai-compatible/openai-compatible.profiles';
export { ANTHROPIC_VERSION } from './anthropic/anthropic-api';
export { DEFAULT_ANTHROPIC_MAX_TOKENS } from './anthropic/anthropic-params';
export { getAdapter, isProviderKind } from './registry';
export { defaultBaseUrl } from './default-base-url';
