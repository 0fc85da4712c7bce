import { describe, expect, it } from 'vitest';
import { openaiFormat } from './openai/format';
import type { MockRoute } from './route';
import { Router } from './router';

const route = (method: 'GET' | 'POST', path: string): MockRoute => ({ method, path, format: openaiFormat, respond: () => ({ json: path }) });

describe('Router', () => {
  const literal = route('POST', '/v1/chat/completions');
  const gemini = route('POST', '/v1beta/models/{model}:generateContent');
  const bedrock = route('POST', '/model/{modelId}/converse');
  const image = route('GET', '/mock-images/{id}.png');
  const router = new Router([literal, gemini, bedrock, image]);

  it('matches literal paths by method', () => {
    expect(router.match('POST', '/v1/chat/completions')).toEqual({ route: literal, params: {} });
    expect(router.match('GET', '/v1/chat/completions')).toBeUndefined();
  });

  it('decodes template parameters, escaped slashes and colons included', () => {
    expect(router.match('POST', '/v1beta/models/gemini-2.5-flash:generateContent')?.params).toEqual({ model: 'gemini-2.5-flash' });
    const arn = 'arn:aws:bedrock:us-east-1:1:inference-profile/us.anthropic.claude-v1:0';
    expect(router.match('POST', `/model/${encodeURIComponent(arn)}/converse`)).toEqual({ route: bedrock, params: { modelId: arn } });
    expect(router.match('GET', '/mock-images/abc.png')?.params).toEqual({ id: 'abc' });
  });

  it('treats literal characters literally and parameters as one segment', () => {
    expect(router.match('GET', '/mock-images/abcXpng')).toBeUndefined();
    expect(router.match('POST', '/model/a/b/converse')).toBeUndefined();
    expect(router.match('POST', '/v1beta/models/x:streamGenerateContent')).toBeUndefined();
  });

  it('does not match malformed percent-encoding', () => {
    expect(router.match('POST', '/model/%E0%A4%A/converse')).toBeUndefined();
  });
});
