/** `POST /v1/messages`: a Message object, or the Messages streaming event sequence. */
import { splitArguments, splitText } from '../reply';
import type { MockRoute, RouteRequest, RouteResponse } from '../route';
import { sseEvent } from '../sse';
import { lastUserText } from '../tokens';
import type { MockDirective } from '../types';
import { anthropicFormat } from './format';
import { type AnthropicMessage, type MessageAnswer, type MessagesRequest, planMessage, validateMessages } from './message-answer';

export const messagesRoute: MockRoute = {
  method: 'POST',
  path: '/v1/messages',
  format: anthropicFormat,
  promptText: (body) => lastUserText(body.messages as AnthropicMessage[]),
  validate: (body, { headers }) => validateMessages(body, headers['anthropic-version']),
  respond(input: RouteRequest): RouteResponse {
    const request = input.body as unknown as MessagesRequest;
    const answer = planMessage(request, input);
    if (request.stream === true) return { sse: messageEvents(request.model, answer, input.options) };
    return {
      json: {
        id: answer.id,
        type: 'message',
        role: 'assistant',
        model: request.model,
        content: answer.content,
        stop_reason: answer.stopReason,
        stop_sequence: null,
        usage: answer.usage,
      },
    };
  },
};

/**
 * message_start (input usage, output_tokens 1), then per block content_block_start, deltas
 * (text_delta or input_json_delta pieces) and content_block_stop, with a ping after the first
 * block start; then message_delta (stop reason, final output_tokens) and message_stop.
 */
function* messageEvents(model: string, answer: MessageAnswer, options: MockDirective): Generator<string> {
  yield sseEvent('message_start', {
    type: 'message_start',
    message: {
      id: answer.id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...answer.usage, output_tokens: 1 },
    },
  });
  for (let index = 0; index < answer.content.length; index++) {
    const block = answer.content[index];
    if (block.type === 'text') {
      yield sseEvent('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
      if (index === 0) yield sseEvent('ping', { type: 'ping' });
      for (const text of splitText(block.text, options.chunks)) {
        yield sseEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
      }
    } else {
      const start = { type: 'tool_use', id: block.id, name: block.name, input: {} };
      yield sseEvent('content_block_start', { type: 'content_block_start', index, content_block: start });
      if (index === 0) yield sseEvent('ping', { type: 'ping' });
      for (const partial_json of splitArguments(JSON.stringify(block.input), options.chunks)) {
        const delta = { type: 'input_json_delta', partial_json };
        yield sseEvent('content_block_delta', { type: 'content_block_delta', index, delta });
      }
    }
    yield sseEvent('content_block_stop', { type: 'content_block_stop', index });
  }
  yield sseEvent('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: answer.stopReason, stop_sequence: null },
    usage: { output_tokens: answer.usage.output_tokens },
  });
  yield sseEvent('message_stop', { type: 'message_stop' });
}
