import { describe, expect, it } from 'vitest';
import { defaultReply, limitTokens, splitArguments, splitText } from './reply';
import { contentText, countTokens, lastUserText, messagesTokens, toolsTokens } from './tokens';

describe('defaultReply', () => {
  it('echoes the first words of the prompt without directives', () => {
    expect(defaultReply('Hello [[mock:{"chunks":2}]] world')).toBe('Mock reply to: Hello world');
    expect(defaultReply('one two three four five six seven eight nine ten')).toBe(
      'Mock reply to: one two three four five six seven eight ...',
    );
    expect(defaultReply('   ')).toBe('Mock reply.');
  });
});

describe('splitText', () => {
  it('splits per word by default, keeping the spaces', () => {
    expect(splitText('Mock reply to: hi')).toEqual(['Mock ', 'reply ', 'to: ', 'hi']);
  });

  it('splits into N near-equal pieces that concatenate to the text', () => {
    const pieces = splitText('abcdefghij', 3);
    expect(pieces).toHaveLength(3);
    expect(pieces.join('')).toBe('abcdefghij');
    expect(splitText('ab', 5)).toEqual(['a', 'b']);
    expect(splitText('', 3)).toEqual(['']);
  });

  it('splits tool arguments into several pieces by default', () => {
    const pieces = splitArguments('{"city":"Paris"}');
    expect(pieces).toHaveLength(4);
    expect(pieces.join('')).toBe('{"city":"Paris"}');
  });
});

describe('limitTokens', () => {
  it('cuts the text at max tokens and says so', () => {
    expect(limitTokens('x'.repeat(40), 5)).toEqual({ text: 'x'.repeat(20), truncated: true, tokens: 5 });
    expect(limitTokens('short', 100)).toEqual({ text: 'short', truncated: false, tokens: 2 });
    expect(limitTokens('short', undefined).truncated).toBe(false);
  });
});

describe('tokens', () => {
  it('counts ceil(chars / 4) per text plus 3 per message', () => {
    expect(countTokens('abcde')).toBe(2);
    expect(messagesTokens([{ content: 'abcd' }, { content: [{ type: 'text', text: 'abcdefgh' }] }])).toBe(1 + 3 + 2 + 3);
  });

  it('reads text parts, Anthropic tool results and the last user message', () => {
    expect(contentText([{ type: 'text', text: 'a' }, { type: 'image_url' }, { type: 'tool_result', content: 'b' }])).toBe('a\nb');
    expect(lastUserText([{ role: 'user', content: 'first' }, { role: 'assistant', content: 'x' }, { role: 'user', content: 'last' }])).toBe('last');
    expect(lastUserText([])).toBe('');
  });

  it('counts tool definitions from their JSON', () => {
    expect(toolsTokens(undefined)).toBe(0);
    expect(toolsTokens([{ name: 'abc' }])).toBe(countTokens('[{"name":"abc"}]'));
  });
});
