/** Chat Completions response bodies and stream chunks as OpenAI clients expect them. */
import type { CompletionUsage } from './usage.types';

export type ChatCompletionFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

export interface ChatCompletionTokenLogprob {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs: Array<{ token: string; logprob: number; bytes: number[] | null }>;
}

export interface ChatCompletionLogprobs {
  content: ChatCompletionTokenLogprob[] | null;
  refusal: ChatCompletionTokenLogprob[] | null;
}

export interface ChatCompletionMessageToolCallResult {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatCompletionMessage {
  role: 'assistant';
  content: string | null;
  refusal: string | null;
  tool_calls?: ChatCompletionMessageToolCallResult[];
  /** Not in OpenAI's schema; the de-facto field (DeepSeek, vLLM) for a model's visible reasoning. */
  reasoning_content?: string;
  annotations?: unknown[];
  audio?: { id: string; data: string; expires_at: number; transcript: string } | null;
  function_call?: { name: string; arguments: string } | null;
}

export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  logprobs: ChatCompletionLogprobs | null;
  finish_reason: ChatCompletionFinishReason;
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: CompletionUsage;
  service_tier?: string | null;
  system_fingerprint?: string;
}

export interface ChatCompletionChunkToolCall {
  index: number;
  id?: string;
  type?: 'function';
  function?: { name?: string; arguments?: string };
}

export interface ChatCompletionChunkDelta {
  role?: 'assistant';
  content?: string | null;
  refusal?: string | null;
  reasoning_content?: string;
  tool_calls?: ChatCompletionChunkToolCall[];
  function_call?: { name?: string; arguments?: string };
}

export interface ChatCompletionChunkChoice {
  index: number;
  delta: ChatCompletionChunkDelta;
  logprobs?: ChatCompletionLogprobs | null;
  finish_reason: ChatCompletionFinishReason | null;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  /** Empty on the final usage-only chunk (`stream_options.include_usage`). */
  choices: ChatCompletionChunkChoice[];
  usage?: CompletionUsage | null;
  service_tier?: string | null;
  system_fingerprint?: string;
}
