/**
 * `POST /model/{modelId}/converse` (one ConverseResponse) and `/converse-stream` (binary AWS event
 * stream: messageStart, per block [contentBlockStart for tool use], contentBlockDelta pieces,
 * contentBlockStop; then messageStop and metadata).
 */
import { splitArguments, splitText } from '../reply';
import type { MockRoute, RouteRequest, RouteResponse } from '../route';
import type { MockDirective } from '../types';
import { type ConverseAnswer, type ConverseRequest, conversePromptText, planConverse, validateConverse } from './converse-answer';
import { eventMessage } from './event-stream';
import { bedrockFormat } from './format';

export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

export const converseRoute: MockRoute = {
  method: 'POST',
  path: '/model/{modelId}/converse',
  format: bedrockFormat,
  promptText: conversePromptText,
  validate: validateConverse,
  respond(input: RouteRequest): RouteResponse {
    const answer = planConverse(input.body as unknown as ConverseRequest, input);
    return {
      json: {
        output: { message: { role: 'assistant', content: answer.content } },
        stopReason: answer.stopReason,
        usage: answer.usage,
        metrics: { latencyMs: Date.now() - input.receivedAt },
      },
    };
  },
};

export const converseStreamRoute: MockRoute = {
  method: 'POST',
  path: '/model/{modelId}/converse-stream',
  format: bedrockFormat,
  promptText: conversePromptText,
  validate: validateConverse,
  respond(input: RouteRequest): RouteResponse {
    const answer = planConverse(input.body as unknown as ConverseRequest, input);
    return { stream: converseEvents(answer, input.options, input.receivedAt), contentType: EVENT_STREAM_CONTENT_TYPE };
  },
};

/**
 * The service pads each event payload with a `p` string of varying length (so sizes do not leak the
 * text); clients must ignore it, and the mock sends it so adapters that do not are caught.
 */
const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function* converseEvents(answer: ConverseAnswer, options: MockDirective, receivedAt: number): Generator<Uint8Array> {
  let sent = 0;
  const event = (type: string, payload: Record<string, unknown>): Uint8Array =>
    eventMessage(type, { ...payload, p: PADDING.slice(0, 1 + ((sent++ * 7) % PADDING.length)) });

  yield event('messageStart', { role: 'assistant' });
  for (const [contentBlockIndex, block] of answer.content.entries()) {
    if ('text' in block) {
      // Text blocks have no contentBlockStart: the first delta opens them.
      for (const text of splitText(block.text, options.chunks)) yield event('contentBlockDelta', { contentBlockIndex, delta: { text } });
    } else {
      const { toolUseId, name, input } = block.toolUse;
      yield event('contentBlockStart', { contentBlockIndex, start: { toolUse: { toolUseId, name } } });
      for (const piece of splitArguments(JSON.stringify(input), options.chunks)) {
        yield event('contentBlockDelta', { contentBlockIndex, delta: { toolUse: { input: piece } } });
      }
    }
    yield event('contentBlockStop', { contentBlockIndex });
  }
  yield event('messageStop', { stopReason: answer.stopReason });
  yield event('metadata', { usage: answer.usage, metrics: { latencyMs: Date.now() - receivedAt } });
}
