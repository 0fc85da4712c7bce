/**
 * OpenAI `messages[]` -> Anthropic `system` + `messages[]`. Anthropic has no system role, wants tool
 * results inside user turns, and requires alternating roles, so consecutive same-role turns merge.
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
import type { JsonObject } from '../core/json';

export type AnthropicBlock = JsonObject;

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: string | AnthropicBlock[];
}

export interface AnthropicConversation {
  system?: string | AnthropicBlock[];
  messages: AnthropicMessage[];
}

const SUBJECT = 'Anthropic models';
const IMAGE_MEDIA_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** Anthropic's prompt-caching marker is not an OpenAI field, but clients put it on parts; keep it. */
function withCacheControl(block: AnthropicBlock, source: object): AnthropicBlock {
  const cacheControl = (source as JsonObject).cache_control;
  return cacheControl === undefined ? block : { ...block, cache_control: cacheControl };
}

function textBlock(text: string, source: object = {}): AnthropicBlock {
  return withCacheControl({ type: 'text', text }, source);
}

function imageBlock(url: string, param: string): AnthropicBlock {
  const data = DATA_URL.exec(url);
  if (data) {
    const mediaType = data[1]!.toLowerCase();
    if (!IMAGE_MEDIA_TYPES.has(mediaType)) {
      const message = `Image type '${mediaType}' is not supported by Anthropic models (use jpeg, png, gif or webp).`;
      throw new AdapterRequestError(param, message, 'invalid_value');
    }
    return { type: 'image', source: { type: 'base64', media_type: mediaType, data: data[2] } };
  }
  if (/^https?:\/\//i.test(url)) return { type: 'image', source: { type: 'url', url } };
  throw new AdapterRequestError(param, 'Image URLs must be http(s) URLs or base64 data URLs.', 'invalid_value');
}

function userPartBlock(part: ChatCompletionContentPart, param: string): AnthropicBlock {
  switch (part.type) {
    case 'text':
      return textBlock(part.text, part);
    case 'image_url':
      return withCacheControl(imageBlock(part.image_url.url, `${param}.image_url.url`), part);
    case 'file': {
      const data = DATA_URL.exec(part.file.file_data ?? '');
      if (data && data[1]!.toLowerCase() === 'application/pdf') {
        const source = { type: 'base64', media_type: 'application/pdf', data: data[2] };
        return withCacheControl({ type: 'document', source }, part);
      }
      const message = 'Anthropic models accept files only as base64 PDF data URLs in `file_data`.';
      throw new AdapterRequestError(`${param}.file`, message);
    }
    case 'input_audio':
      throw new AdapterRequestError(`${param}.type`, 'Audio input is not supported by Anthropic models.');
  }
}

function textBlocks(content: string | ReadonlyArray<{ text: string }>): AnthropicBlock[] {
  return nonEmptyTextParts(content).map((part) => textBlock(part.text, part));
}

function assistantBlocks(message: ChatCompletionAssistantMessageParam, param: string): AnthropicBlock[] {
  const { text, toolCalls } = readAssistantMessage(message, param, SUBJECT);
  const calls = toolCalls.map(({ call, input }) => ({ type: 'tool_use', id: call.id, name: call.function.name, input }));
  return [...textBlocks(text), ...calls];
}

function toolResultBlock(message: ChatCompletionToolMessageParam): AnthropicBlock {
  const content = typeof message.content === 'string' ? message.content : textBlocks(message.content);
  return { type: 'tool_result', tool_use_id: message.tool_call_id, content };
}

/** One text block without extras reads best (and is sent) as a plain string. */
function collapse(blocks: AnthropicBlock[]): string | AnthropicBlock[] {
  const only = blocks[0];
  if (blocks.length === 1 && only?.type === 'text' && Object.keys(only).length === 2) return only.text as string;
  return blocks;
}

export function toAnthropicConversation(messages: readonly ChatCompletionMessageParam[]): AnthropicConversation {
  const system: AnthropicBlock[] = [];
  const turns: Array<Turn<AnthropicMessage['role'], AnthropicBlock>> = [];

  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(...textBlocks(message.content));
        return;
      case 'user':
        appendTurn(turns, 'user', typeof message.content === 'string'
          ? [textBlock(message.content)]
          : message.content.map((part, partIndex) => userPartBlock(part, `${param}.content[${partIndex}]`)));
        return;
      case 'assistant': {
        const blocks = assistantBlocks(message, param);
        // An assistant turn with neither text nor tool calls carries nothing Anthropic would accept.
        if (blocks.length > 0) appendTurn(turns, 'assistant', blocks);
        return;
      }
      case 'tool':
        appendTurn(turns, 'user', [toolResultBlock(message)]);
        return;
      case 'function':
        throw legacyFunctionMessageError(param, SUBJECT);
    }
  });

  const conversation: AnthropicConversation = {
    messages: turns.map((turn) => ({ role: turn.role, content: collapse(turn.items) })),
  };
  if (system.length > 0) conversation.system = collapse(system);
  return conversation;
}
