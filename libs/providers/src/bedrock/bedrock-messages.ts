/**
 * OpenAI `messages[]` -> Converse `system` + `messages`. Converse has no system role, wants tool
 * results inside user turns, requires alternating roles starting with a user turn, and refuses empty
 * text blocks; images and documents travel as base64 bytes (it cannot fetch URLs).
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

export type ConverseBlock = JsonObject;

export interface ConverseMessage {
  role: 'user' | 'assistant';
  content: ConverseBlock[];
}

export interface ConverseConversation {
  system?: ConverseBlock[];
  messages: ConverseMessage[];
  /** Whether any turn carries toolUse or toolResult blocks (Converse then requires `toolConfig`). */
  hasToolBlocks: boolean;
}

const PROVIDER = 'Bedrock Converse';

const IMAGE_FORMATS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

const DOCUMENT_FORMATS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};

/** Anthropic-style `cache_control` on a part becomes a Converse cache checkpoint after its block. */
function withCachePoint(block: ConverseBlock, source: object): ConverseBlock[] {
  return (source as JsonObject).cache_control === undefined ? [block] : [block, { cachePoint: { type: 'default' } }];
}

function textBlocks(content: string | ReadonlyArray<{ text: string }>): ConverseBlock[] {
  return nonEmptyTextParts(content).flatMap((part) => withCachePoint({ text: part.text }, part));
}

function imageBlock(url: string, param: string): ConverseBlock {
  const data = DATA_URL.exec(url);
  if (!data) {
    const message = /^https?:\/\//i.test(url)
      ? `${PROVIDER} cannot fetch image URLs; send the image as a base64 data URL.`
      : 'Image URLs must be base64 data URLs.';
    throw new AdapterRequestError(param, message, 'invalid_value');
  }
  const format = IMAGE_FORMATS[data[1]!.toLowerCase()];
  if (!format) {
    const message = `Image type '${data[1]}' is not supported by ${PROVIDER} (use png, jpeg, gif or webp).`;
    throw new AdapterRequestError(param, message, 'invalid_value');
  }
  return { image: { format, source: { bytes: data[2] } } };
}

/** Converse document names allow letters, digits, single spaces, hyphens, parentheses and brackets. */
function documentName(filename: string | undefined, fallback: string): string {
  const stem = (filename ?? '').replace(/\.[^.]*$/, '');
  const name = stem.replace(/[^A-Za-z0-9\s\-()[\]]/g, '-').replace(/\s+/g, ' ').trim().slice(0, 200);
  return name === '' ? fallback : name;
}

function documentBlock(part: Extract<ChatCompletionContentPart, { type: 'file' }>, param: string, index: number): ConverseBlock {
  const data = DATA_URL.exec(part.file.file_data ?? '');
  const format = data ? DOCUMENT_FORMATS[data[1]!.toLowerCase()] : undefined;
  if (!data || !format) {
    const message = `${PROVIDER} accepts files only as base64 data URLs in \`file_data\` (pdf, csv, doc, docx, xls, xlsx, html, txt, md).`;
    throw new AdapterRequestError(`${param}.file`, message);
  }
  return { document: { format, name: documentName(part.file.filename, `document-${index + 1}`), source: { bytes: data[2] } } };
}

function userBlocks(content: string | ChatCompletionContentPart[], param: string): ConverseBlock[] {
  if (typeof content === 'string') return textBlocks(content);
  return content.flatMap((part, index) => {
    const partParam = `${param}.content[${index}]`;
    switch (part.type) {
      case 'text':
        return part.text === '' ? [] : withCachePoint({ text: part.text }, part);
      case 'image_url':
        return withCachePoint(imageBlock(part.image_url.url, `${partParam}.image_url.url`), part);
      case 'file':
        return withCachePoint(documentBlock(part, partParam, index), part);
      case 'input_audio':
        throw new AdapterRequestError(`${partParam}.type`, `Audio input is not supported by ${PROVIDER}.`);
    }
  });
}

function assistantBlocks(message: ChatCompletionAssistantMessageParam, param: string): ConverseBlock[] {
  const { text, toolCalls } = readAssistantMessage(message, param, PROVIDER);
  const calls = toolCalls.map(({ call, input }) => ({ toolUse: { toolUseId: call.id, name: call.function.name, input } }));
  return [...textBlocks(text), ...calls];
}

/**
 * A tool's output is text to the model. Converse accepts `{text}` from every model that supports
 * tools, so each non-empty text becomes one text block; an empty result has no blocks.
 */
function toolResultBlock(message: ChatCompletionToolMessageParam): ConverseBlock {
  const content = textBlocks(typeof message.content === 'string' ? message.content : message.content.map(({ text }) => ({ text })));
  return { toolResult: { toolUseId: message.tool_call_id, content } };
}

export function toConverseConversation(messages: readonly ChatCompletionMessageParam[]): ConverseConversation {
  const system: ConverseBlock[] = [];
  const turns: Array<Turn<ConverseMessage['role'], ConverseBlock>> = [];
  let hasToolBlocks = false;
  // A turn without blocks carries nothing, so it is left out.
  const append = (role: ConverseMessage['role'], blocks: ConverseBlock[]) => {
    if (blocks.length > 0) appendTurn(turns, role, blocks);
  };

  messages.forEach((message, index) => {
    const param = `messages[${index}]`;
    switch (message.role) {
      case 'system':
      case 'developer':
        system.push(...textBlocks(message.content));
        return;
      case 'user':
        append('user', userBlocks(message.content, param));
        return;
      case 'assistant': {
        const blocks = assistantBlocks(message, param);
        hasToolBlocks ||= blocks.some((block) => block.toolUse !== undefined);
        append('assistant', blocks);
        return;
      }
      case 'tool':
        hasToolBlocks = true;
        append('user', [toolResultBlock(message)]);
        return;
      case 'function':
        throw legacyFunctionMessageError(param, PROVIDER);
    }
  });

  if (turns[0]?.role !== 'user') {
    const message = `${PROVIDER} needs a conversation that starts with a non-empty user message (after system messages).`;
    throw new AdapterRequestError('messages', message, 'invalid_value');
  }
  const conversation: ConverseConversation = { messages: turns.map(({ role, items }) => ({ role, content: items })), hasToolBlocks };
  if (system.length > 0) conversation.system = system;
  return conversation;
}
