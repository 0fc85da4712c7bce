import { describe, expect, it } from 'vitest';
import { promptTokenBound } from './prompt-bound';

describe('promptTokenBound', () => {
  const messages = [{ role: 'user', content: 'hi' }];
  const text = 'user'.length + 'hi'.length + 8;

  it('counts the bytes of every string in the messages and a per-message overhead', () => {
    expect(promptTokenBound({ messages })).toBe(text);
  });

  it('counts tool, function and response schemas by their JSON, property names included', () => {
    const tools = [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { a_long_property_name: { type: 'string' } } } } }];
    const responseFormat = { type: 'json_schema', json_schema: { name: 's', schema: { type: 'object' } } };
    expect(promptTokenBound({ messages, tools })).toBe(text + JSON.stringify(tools).length);
    expect(promptTokenBound({ messages, functions: tools, response_format: responseFormat }))
      .toBe(text + JSON.stringify(tools).length + JSON.stringify(responseFormat).length);
  });
});
