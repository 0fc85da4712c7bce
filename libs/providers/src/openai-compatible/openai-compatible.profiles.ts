/**
 * Vendor presets for the `openai-compatible` kind, as data. A deployment picks one with
 * `ProviderTarget.vendor`; without it the generic preset applies. Add vendors here.
 *
 * Sources: each vendor's API reference / OpenAI-compatibility page as read in 2025-2026. Where a
 * vendor's docs are silent, the conservative choice is taken and marked "(undocumented)": a field
 * that may change the result is rejected with a 400 (or pinned with `fixed`) rather than dropped; a
 * pure hint (`store`, `user`, `seed`) is dropped; `stream_options` is not sent; operations and the
 * model list are not offered.
 */
import type { Operation } from '../core/adapter.types';
import {
  ALL_OPERATIONS,
  type AuthStyle,
  BEARER_AUTH,
  type OpenAIFamilyProfile,
  operationsOf,
} from '../openai/openai-family.profile';

/**
 * How a vendor reports usage in streams: only when `stream_options.include_usage` is sent, in the
 * last chunk whatever the request says, or not verified. Billing copes with a missing report
 * (usage null); this tells operators what to expect.
 */
export type StreamUsageReport = 'when-asked' | 'always' | 'unknown';

export interface OpenAICompatibleVendorPreset extends OpenAIFamilyProfile {
  /** What the console pre-fills as the account's base URL; null for the generic preset. */
  readonly defaultBaseUrl: string | null;
  /** Typical upstream model-name prefixes, as hints for the console (not enforced). */
  readonly modelPrefixes: readonly string[];
  readonly streamUsageReport: StreamUsageReport;
}

/** OpenAI's stored completions; no compatible vendor keeps them, and the completion is the same without. */
const STORED_COMPLETIONS = ['store', 'metadata'] as const;

/** Any server that speaks the OpenAI API; assumed to report stream usage when asked. */
export const GENERIC_OPENAI_COMPATIBLE: OpenAICompatibleVendorPreset = {
  name: 'OpenAI-compatible',
  defaultBaseUrl: null,
  streamUsage: true,
  streamUsageReport: 'unknown',
  operations: ALL_OPERATIONS,
  modelList: true,
  modelPrefixes: [],
};

export const OPENAI_COMPATIBLE_PROFILES: Readonly<Record<string, OpenAICompatibleVendorPreset>> = {
  generic: GENERIC_OPENAI_COMPATIBLE,

  deepseek: {
    name: 'DeepSeek',
    defaultBaseUrl: 'https://api.deepseek.com',
    // stream_options.include_usage is in the API reference: a usage-only chunk ends the stream.
    streamUsage: true,
    streamUsageReport: 'when-asked',
    // FIM completions live under /beta (use base URL https://api.deepseek.com/beta); no embeddings or images.
    operations: ['chat'],
    modelList: true,
    modelPrefixes: ['deepseek-'],
    // seed and user are not in the API reference (undocumented): hints, dropped.
    drop: [...STORED_COMPLETIONS, 'service_tier', 'prediction', 'user', 'seed'],
    reject: ['logit_bias'],
    // n and parallel_tool_calls are not in the API reference (undocumented).
    fixed: { n: 1, parallel_tool_calls: true },
    rename: { max_completion_tokens: 'max_tokens' },
    responseFormats: ['json_object'],
    messages: { developerAsSystem: true },
    // reasoning_content (deepseek-reasoner) needs nothing: responses and stream deltas pass through.
  },

  volcengine: {
    name: 'Volcengine Ark',
    defaultBaseUrl: 'https://ark.cn-beijing.volces.com/api/v3',
    streamUsage: true,
    streamUsageReport: 'when-asked',
    // Seedream answers POST /images/generations in OpenAI form; reference images go in that body
    // (`image`), there is no /images/edits.
    operations: ['chat', 'embedding', 'image'],
    // GET /models is not served (volcengine/volc-sdk-python#45).
    modelList: false,
    modelPrefixes: ['doubao-', 'ep-', 'deepseek-', 'kimi-', 'glm-'],
    drop: [...STORED_COMPLETIONS, 'prediction', 'user'],
    // n and parallel_tool_calls are not in the chat API reference (undocumented). max_tokens and
    // max_completion_tokens are both documented (mutually exclusive): no rename.
    fixed: { n: 1, parallel_tool_calls: true },
    messages: { developerAsSystem: true },
  },

  zhipu: {
    name: 'Zhipu GLM',
    defaultBaseUrl: 'https://open.bigmodel.cn/api/paas/v4',
    // stream_options is not in the API reference (undocumented); the last chunk carries usage anyway.
    streamUsage: false,
    streamUsageReport: 'always',
    // CogView / GLM-Image answer POST /images/generations; no edits endpoint.
    operations: ['chat', 'embedding', 'image'],
    modelList: false, // undocumented
    modelPrefixes: ['glm-', 'cogview-', 'embedding-'],
    // Zhipu's end-user field is `user_id` (6-128 chars); OpenAI's `user` is a hint, dropped.
    drop: [...STORED_COMPLETIONS, 'service_tier', 'prediction', 'user', 'seed'],
    // Penalties, logit_bias and logprobs are not in the API reference (undocumented).
    reject: ['logit_bias', 'logprobs', 'top_logprobs', 'frequency_penalty', 'presence_penalty'],
    // Only tool_choice "auto" is documented; n is not (CogView also makes one image a call).
    fixed: { n: 1, parallel_tool_calls: true, tool_choice: 'auto' },
    rename: { max_completion_tokens: 'max_tokens' },
    responseFormats: ['json_object'],
    messages: { developerAsSystem: true },
  },

  moonshot: {
    name: 'Moonshot (Kimi)',
    defaultBaseUrl: 'https://api.moonshot.cn/v1',
    // include_usage is honoured; the usage arrives inside choices[0].usage of the last chunk, which
    // the stream transformer reads.
    streamUsage: true,
    streamUsageReport: 'when-asked',
    operations: ['chat'],
    modelList: true,
    modelPrefixes: ['kimi-', 'moonshot-v1-'],
    drop: [...STORED_COMPLETIONS, 'service_tier', 'prediction', 'user', 'seed'],
    reject: ['logit_bias', 'logprobs', 'top_logprobs'],
    // n (up to 5) is documented; parallel_tool_calls is not (undocumented).
    fixed: { parallel_tool_calls: true },
    rename: { max_completion_tokens: 'max_tokens' },
    responseFormats: ['json_object'],
    messages: { developerAsSystem: true },
  },

  qwen: {
    name: 'Qwen (DashScope)',
    defaultBaseUrl: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    streamUsage: true,
    streamUsageReport: 'when-asked',
    // Image models (Wanx) use DashScope's own asynchronous API, not compatible mode.
    operations: ['chat', 'embedding'],
    modelList: true,
    modelPrefixes: ['qwen', 'qwq-', 'qvq-', 'text-embedding-'],
    drop: [...STORED_COMPLETIONS, 'service_tier', 'prediction'],
    // n, seed, logprobs, parallel_tool_calls and json_schema are documented for some models only:
    // passed through, the upstream answers per model. logit_bias is not documented (undocumented).
    reject: ['logit_bias'],
    rename: { max_completion_tokens: 'max_tokens' },
    messages: { developerAsSystem: true },
  },

  mistral: {
    name: 'Mistral',
    defaultBaseUrl: 'https://api.mistral.ai/v1',
    // Mistral rejects unknown fields (422 extra_forbidden), stream_options included, and sends
    // usage on the last chunk unasked.
    streamUsage: false,
    streamUsageReport: 'always',
    // FIM lives at /fim/completions, not /completions.
    operations: ['chat', 'embedding'],
    modelList: true,
    modelPrefixes: ['mistral-', 'magistral-', 'codestral-', 'devstral-', 'pixtral-', 'ministral-', 'open-mistral-'],
    drop: [...STORED_COMPLETIONS, 'service_tier', 'user'],
    reject: ['logit_bias', 'logprobs', 'top_logprobs'],
    rename: { max_completion_tokens: 'max_tokens', seed: 'random_seed', dimensions: 'output_dimension' },
    messages: { developerAsSystem: true, stripNames: true },
  },

  groq: {
    name: 'Groq',
    defaultBaseUrl: 'https://api.groq.com/openai/v1',
    streamUsage: true,
    streamUsageReport: 'when-asked',
    operations: ['chat'],
    modelList: true,
    modelPrefixes: ['llama-', 'openai/', 'meta-llama/', 'qwen/', 'moonshotai/'],
    drop: [...STORED_COMPLETIONS, 'prediction'],
    // Documented as a 400 when supplied (console.groq.com/docs/openai).
    reject: ['logprobs', 'logit_bias', 'top_logprobs'],
    fixed: { n: 1 },
    messages: { developerAsSystem: true, stripNames: true },
  },

  together: {
    name: 'Together AI',
    defaultBaseUrl: 'https://api.together.xyz/v1',
    // Several models only report stream usage when asked.
    streamUsage: true,
    streamUsageReport: 'when-asked',
    // FLUX and friends answer POST /images/generations; no edits endpoint.
    operations: ['chat', 'completion', 'embedding', 'image'],
    // GET /models answers a bare array, which parseModelList reads.
    modelList: true,
    modelPrefixes: ['meta-llama/', 'Qwen/', 'deepseek-ai/', 'mistralai/', 'moonshotai/', 'black-forest-labs/'],
    drop: [...STORED_COMPLETIONS, 'service_tier', 'prediction'],
    fixed: { parallel_tool_calls: true }, // undocumented
    rename: { max_completion_tokens: 'max_tokens' },
    messages: { developerAsSystem: true },
  },

  openrouter: {
    name: 'OpenRouter',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    // stream_options is accepted; OpenRouter now includes usage in every stream regardless.
    streamUsage: true,
    streamUsageReport: 'always',
    // Images come from chat (`modalities`), not an /images endpoint.
    operations: ['chat', 'completion'],
    modelList: true,
    modelPrefixes: ['openai/', 'anthropic/', 'google/', 'meta-llama/', 'deepseek/', 'mistralai/', 'qwen/'],
    drop: [...STORED_COMPLETIONS, 'prediction'],
    // OpenRouter maps roles and most parameters to each provider itself. n is not in its
    // parameter list (undocumented); max_tokens is the documented name.
    fixed: { n: 1 },
    rename: { max_completion_tokens: 'max_tokens' },
  },

  '302ai': {
    name: '302.AI',
    defaultBaseUrl: 'https://api.302.ai/v1',
    // An aggregator relaying OpenAI-format upstreams; stream usage depends on the model (unverified).
    streamUsage: true,
    streamUsageReport: 'unknown',
    // gpt-image generation and edits are documented in OpenAI form.
    operations: ['chat', 'embedding', 'image', 'imageEdit'],
    modelList: false, // undocumented
    modelPrefixes: [],
    drop: [...STORED_COMPLETIONS],
  },

  ollama: {
    name: 'Ollama',
    defaultBaseUrl: 'http://localhost:11434/v1',
    // A local server needs no key; the OpenAI SDK's placeholder key is not sent either. Use the
    // generic preset for Ollama's cloud API (https://ollama.com/v1), which wants a bearer key.
    auth: { kind: 'none' },
    streamUsage: true, // stream_options.include_usage is among the supported fields
    streamUsageReport: 'when-asked',
    operations: ['chat', 'completion', 'embedding'],
    modelList: true,
    modelPrefixes: [],
    drop: [...STORED_COMPLETIONS, 'service_tier', 'prediction', 'user'],
    // Not among the supported request fields; Ollama would silently ignore them.
    reject: ['logit_bias'],
    fixed: { n: 1, parallel_tool_calls: true },
    rename: { max_completion_tokens: 'max_tokens' },
    messages: { developerAsSystem: true },
  },

  vllm: {
    name: 'vLLM',
    defaultBaseUrl: 'http://localhost:8000/v1',
    // Bearer only when the server runs with --api-key; an empty key sends no header.
    streamUsage: true,
    streamUsageReport: 'when-asked',
    operations: ['chat', 'completion', 'embedding'],
    modelList: true,
    modelPrefixes: [],
    drop: [...STORED_COMPLETIONS, 'service_tier', 'prediction'],
    // The model's chat template decides which roles exist; `developer` is often unknown to it.
    messages: { developerAsSystem: true },
  },
};

/** One preset as the admin API and console show it. */
export interface VendorPresetSummary {
  name: string;
  displayName: string;
  defaultBaseUrl: string | null;
  authStyle: AuthStyle;
  offersModelList: boolean;
  offersImages: boolean;
  operations: Operation[];
}

export function listVendorPresets(): VendorPresetSummary[] {
  return Object.entries(OPENAI_COMPATIBLE_PROFILES).map(([name, preset]) => {
    const operations = [...operationsOf(preset)];
    return {
      name,
      displayName: preset.name,
      defaultBaseUrl: preset.defaultBaseUrl,
      authStyle: preset.auth ?? BEARER_AUTH,
      offersModelList: preset.modelList === true,
      offersImages: operations.includes('image') || operations.includes('imageEdit'),
      operations,
    };
  });
}
