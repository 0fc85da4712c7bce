/**
 * What the mock "model" answers to a GenerateContentRequest, independent of streaming: text pieces,
 * a function call, or a blocked prompt; plus the usageMetadata.
 */
import { defaultReply, limitTokens, splitText, stoppedEarly } from '../reply';
import type { JsonObject, RouteContext } from '../route';
import { sampleFromSchema, sampleToolInput } from '../schema-sample';
import { MESSAGE_OVERHEAD_TOKENS, contentText, countTokens, toolsTokens } from '../tokens';
import type { MockDirective } from '../types';

interface Part {
  text?: string;
  functionCall?: { name?: string; args?: unknown };
  functionResponse?: { name?: string; response?: unknown };
}

export interface GeminiContent {
  role?: string;
  parts?: Part[];
}

interface FunctionDeclaration {
  name?: string;
  parameters?: unknown;
  parametersJsonSchema?: unknown;
}

export interface GenerateContentRequest {
  contents: GeminiContent[];
  systemInstruction?: GeminiContent;
  tools?: { functionDeclarations?: FunctionDeclaration[] }[];
  toolConfig?: { functionCallingConfig?: { mode?: string; allowedFunctionNames?: string[] } };
  generationConfig?: {
    maxOutputTokens?: number;
    responseMimeType?: string;
    responseSchema?: unknown;
    responseJsonSchema?: unknown;
  };
}

export interface UsageMetadata {
  promptTokenCount: number;
  candidatesTokenCount?: number;
  totalTokenCount: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
  promptTokensDetails: { modality: 'TEXT'; tokenCount: number }[];
}

export type GeminiAnswer =
  | { kind: 'blocked'; usage: UsageMetadata }
  | { kind: 'text'; pieces: string[]; finishReason: string; usage: UsageMetadata }
  | { kind: 'call'; name: string; args: unknown; usage: UsageMetadata };

const MODES = new Set(['MODE_UNSPECIFIED', 'AUTO', 'ANY', 'NONE', 'VALIDATED']);

/** Messages in the API's own style (`* Request.field: problem`), so adapters surface them unchanged. */
export function validateGenerateContent(body: JsonObject, { params }: RouteContext): string | undefined {
  const request = body as unknown as GenerateContentRequest;
  if (!Array.isArray(request.contents) || request.contents.length === 0) {
    return '* GenerateContentRequest.contents: contents is not specified';
  }
  for (const [index, content] of request.contents.entries()) {
    if (content === null || typeof content !== 'object' || !Array.isArray(content.parts) || content.parts.length === 0) {
      return `* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.`;
    }
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'model') {
      return `Please use a valid role: user, model.`;
    }
  }
  const config = request.toolConfig?.functionCallingConfig;
  if (config?.mode !== undefined && !MODES.has(String(config.mode).toUpperCase())) {
    return `Invalid value at 'tool_config.function_calling_config.mode' (${String(config.mode)})`;
  }
  const names = new Set(declarations(request).map((declaration) => declaration.name));
  const unknown = config?.allowedFunctionNames?.find((name) => !names.has(name));
  if (unknown !== undefined) return `* GenerateContentRequest.tool_config.function_calling_config.allowed_function_names: '${unknown}' is not declared`;
  const max = request.generationConfig?.maxOutputTokens;
  if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
    return '* GenerateContentRequest.generation_config.max_output_tokens: must be a positive integer';
  }
  return params.model ? undefined : '* GenerateContentRequest.model: model is not specified';
}

/** The text parts of the last `user` turn (a turn without a role is the user's, as the API reads it). */
export function geminiPromptText(body: JsonObject): string {
  const contents = (body as unknown as GenerateContentRequest).contents;
  for (let i = contents.length - 1; i >= 0; i--) {
    if ((contents[i].role ?? 'user') === 'user') return contentText(contents[i].parts);
  }
  return '';
}

export function planGeminiAnswer(request: GenerateContentRequest, options: MockDirective): GeminiAnswer {
  const promptTokens = promptTokenCount(request);
  if (options.safetyBlock) return { kind: 'blocked', usage: usageMetadata(promptTokens, undefined, options) };
  const declaration = chosenFunction(request);
  if (declaration) {
    const name = declaration.name as string;
    const args = sampleToolInput(declaration.parametersJsonSchema ?? openApiToJsonSchema(declaration.parameters));
    return { kind: 'call', name, args, usage: usageMetadata(promptTokens, countTokens(name + JSON.stringify(args)), options) };
  }
  const completion = limitTokens(replyText(request, options), request.generationConfig?.maxOutputTokens);
  let pieces = splitText(completion.text, options.chunks);
  let finishReason = completion.truncated ? 'MAX_TOKENS' : 'STOP';
  let tokens = completion.tokens;
  if (options.finishReason !== undefined && options.finishReason !== 'STOP') {
    pieces = stoppedEarly(pieces);
    finishReason = options.finishReason;
    tokens = countTokens(pieces.join(''));
  }
  return { kind: 'text', pieces, finishReason, usage: usageMetadata(promptTokens, tokens, options) };
}

function replyText(request: GenerateContentRequest, options: MockDirective): string {
  if (options.reply !== undefined) return options.reply;
  const reply = defaultReply(geminiPromptText(request as unknown as JsonObject));
  const config = request.generationConfig;
  if (config?.responseMimeType !== 'application/json') return reply;
  if (config.responseJsonSchema !== undefined) return JSON.stringify(sampleFromSchema(config.responseJsonSchema));
  if (config.responseSchema !== undefined) return JSON.stringify(sampleFromSchema(openApiToJsonSchema(config.responseSchema)));
  return JSON.stringify({ reply });
}

/** Per turn: its text tokens plus the fixed overhead; then the system instruction and the tools. */
function promptTokenCount(request: GenerateContentRequest): number {
  let tokens = countTokens(contentText(request.systemInstruction?.parts)) + toolsTokens(request.tools);
  for (const content of request.contents) tokens += countTokens(contentText(content.parts)) + MESSAGE_OVERHEAD_TOKENS;
  return tokens;
}

/** Thoughts are reported beside the candidates and count in the total; cached tokens are part of the prompt. */
function usageMetadata(prompt: number, candidates: number | undefined, options: MockDirective): UsageMetadata {
  const thoughts = candidates === undefined ? 0 : (options.reasoningTokens ?? 0);
  const cached = Math.min(prompt, options.cachedTokens ?? 0);
  const usage: UsageMetadata = {
    promptTokenCount: prompt,
    totalTokenCount: prompt + (candidates ?? 0) + thoughts,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
  };
  // The API omits the counts it has nothing for (no candidates when blocked, no cache, no thoughts).
  if (candidates !== undefined) usage.candidatesTokenCount = candidates;
  if (cached > 0) usage.cachedContentTokenCount = cached;
  if (thoughts > 0) usage.thoughtsTokenCount = thoughts;
  return usage;
}

function declarations(request: GenerateContentRequest): FunctionDeclaration[] {
  if (!Array.isArray(request.tools)) return [];
  return request.tools.flatMap((tool) => (Array.isArray(tool?.functionDeclarations) ? tool.functionDeclarations : []))
    .filter((declaration) => typeof declaration?.name === 'string');
}

/**
 * NONE never calls; ANY always calls (the first allowed function); AUTO calls the first function
 * unless the last turn answers a function call, so agent loops driven by the mock terminate.
 */
function chosenFunction(request: GenerateContentRequest): FunctionDeclaration | undefined {
  const all = declarations(request);
  const config = request.toolConfig?.functionCallingConfig;
  const mode = String(config?.mode ?? 'AUTO').toUpperCase();
  if (all.length === 0 || mode === 'NONE') return undefined;
  if (mode === 'ANY') {
    const allowed = config?.allowedFunctionNames;
    return allowed?.length ? all.find((declaration) => allowed.includes(declaration.name as string)) : all[0];
  }
  const last = request.contents[request.contents.length - 1];
  if (last.parts?.some((part) => part?.functionResponse !== undefined)) return undefined;
  return all[0];
}

/** Gemini schemas are an OpenAPI subset with upper-case types (`OBJECT`, `STRING`); JSON Schema wants lower case. */
export function openApiToJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiToJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === 'type' && typeof value === 'string' ? value.toLowerCase() : openApiToJsonSchema(value);
  }
  return out;
}
