/**
 * OpenAI `messages[]` -> Gemini `systemInstruction` + `contents[]`. System and developer messages
 * become the system instruction; user and tool turns are `user` contents, assistant turns `model`
 * contents; consecutive same-role turns merge (parallel function responses must share one turn).
 */
import type {
  ChatCompletionAssistantMessageParam,
  ChatCompletionContentPart,
  ChatCompletionMessageParam,
  ChatCompletionToolMessageParam,
} from '@ai-router/contracts';
import {
  appendTurn,
  DATA_URL,
  legacyFunctionMessageError,
  nonEmptyTextParts,
  readAssistantMessage,
  type Turn,
} from '../core/chat-messages';
import { AdapterRequestError } from '../core/errors';
import { isRecord, parseJsonObject, type JsonObject } from '../core/json';

export type GeminiPart = JsonObject;

export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiConversation {
  systemInstruction?: { parts: GeminiPart[] };
  contents: GeminiContent[];
}

export interface ConversationOptions {
  /**
   * Gemini 3 models refuse a replayed function call without its thought signature. Signatures the
   * gateway handed out (`extra_content.google.thought_signature`) are always sent back; for calls
   * without one (another model's history, a client that drops unknown fields) the documented
   * validator-skipping placeholder is sent instead when this is set.
   */
  signatureFallback: boolean;
}

/** Documented at ai.google.dev/gemini-api/docs/thought-signatures for histories without signatures. */
export const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

const SUBJECT = 'Gemini models';

const IMAGE_TYPES_BY_EXTENSION: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
};

const AUDIO_TYPES: Readonly<Record<string, string>> = { wav: 'audio/wav', mp3: 'audio/mp3' };

function guessImageType(url: string): string {
  const path = url.replace(/[?#].*$/s, '');
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (extension && IMAGE_TYPES_BY_EXTENSION[extension]) || 'image/jpeg';
}

function imagePart(url: string, param: string): GeminiPart {
  const data = DATA_URL.exec(url);
  if (data) return { inlineData: { mimeType: data[1]!.toLowerCase(), data: data[2] } };
  if (/^https?:\/\//i.test(url)) return { fileData: { mimeType: guessImageType(url), fileUri: url } };
  throw new AdapterRequestError(param, 'Image URLs must be http(s) URLs or base64 data URLs.', 'invalid_value');
}

function userPart(part: ChatCompletionContentPart, param: string): GeminiPart | undefined {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : { text: part.text };
    case 'image_url':
      return imagePart(part.image_url.url, `${param}.image_url.url`);
    case 'input_audio':
      return { inlineData: { mimeType: AUDIO_TYPES[part.input_audio.format], data: part.input_audio.data } };
    case 'file': {
      const data = DATA_URL.exec(part.file.file_data ?? '');
      if (data) return { inlineData: { mimeType: data[1]!.toLowerCase(), data: data[2] } };
      const message = 'Gemini models accept files only as base64 data URLs in `file_data`.';
      throw new AdapterRequestError(`${param}.file`, message);
    }
  }
}

function textParts(content: string | ReadonlyArray<{ text: string }>): GeminiPart[] {
  return nonEmptyTextParts(content).map(({ text }) => ({ text }));
}

/** The signature the gateway put on a tool call it returned, as Google's own OpenAI layer does. */
function thoughtSignatureOf(call: object): string | undefined {
  const extra = (call as JsonObject).extra_content;
  const google = isRecord(extra) ? extra.google : undefined;
  const signature = isRecord(google) ? google.thought_signature : undefined;
  return typeof signature === 'string' && signature !== '' ? signature : undefined;
}

function assistantParts(
  message: ChatCompletionAssistantMessageParam,
  param: string,
  options: ConversationOptions,
): GeminiPart[] {
  const { text, toolCalls } = readAssistantMessage(message, param, SUBJECT);
  const calls = toolCalls.map(({ call, input }, index) => {
    const part: GeminiPart = { functionCall: { name: call.function.name, args: input } };
    // Of parallel calls only the first carries a signature, so only the first needs the placeholder.
    const signature = thoughtSignatureOf(call) ?? (index === 0 && options.signatureFallback ? SKIP_THOUGHT_SIGNATURE : undefined);
    if (signature !== undefined) part.thoughtSignature = signature;
    return part;
  });
  return [...textParts(text), ...calls];
}

/** Gemini's `response` is a JSON object: a JSON object result goes as is, anything else as `{content}`. */
function functionResponsePart(message: ChatCompletionToolMessageParam, name: string): GeminiPart {
  const text = typeof message.content === 'string' ? message.content : message.content.map((part) => part.text).join('');
  return { functionResponse: { name, response: parseJsonObject(text) ?? { content: text } } };
}

export function toGeminiConversation(
  messages: readonly ChatCompletionMessageParam[],
  options: ConversationOptions,
): GeminiConversation {
  const system: GeminiPart[] = [];
  const turns: Array<Turn<GeminiContent['role'], GeminiPart>> = [];
  /** tool_call id -> function name, for the function responses that follow. */
  const callNames = new Map<string, string>();
  // A turn without parts carries nothing, so it is left out.
  const append = (role: GeminiContent['role'], parts: GeminiPart[]) => {
    if (parts.length > 0) appendTurn(turns, role, parts);
  };

  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(...textParts(message.content));
        return;
      case 'user': {
        const parts =
          typeof message.content === 'string'
            ? textParts(message.content)
            : message.content.map((part, partIndex) => userPart(part, `${param}.content[${partIndex}]`));
        append('user', parts.filter((part): part is GeminiPart => part !== undefined));
        return;
      }
      case 'assistant':
        for (const call of message.tool_calls ?? []) {
          if (call.type === 'function') callNames.set(call.id, call.function.name);
        }
        append('model', assistantParts(message, param, options));
        return;
      case 'tool': {
        const name = callNames.get(message.tool_call_id);
        if (name === undefined) {
          const text = `No earlier assistant tool call has the id '${message.tool_call_id}'.`;
          throw new AdapterRequestError(`${param}.tool_call_id`, text, 'invalid_value');
        }
        append('user', [functionResponsePart(message, name)]);
        return;
      }
      case 'function':
        throw legacyFunctionMessageError(param, SUBJECT);
    }
  });

  if (turns.length === 0) {
    throw new AdapterRequestError('messages', 'Gemini models need at least one user or assistant message with content.', 'invalid_value');
  }
  const conversation: GeminiConversation = { contents: turns.map(({ role, items }) => ({ role, parts: items })) };
  if (system.length > 0) conversation.systemInstruction = { parts: system };
  return conversation;
}
