import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { config } from './__fixtures__/masker';
import { compileMasker, MAX_JSON_DEPTH } from './pii-masker';
import type { PiiFindings } from './pii.types';

const masker = compileMasker(config());

const chatRequest = () => ({
  model: 'gpt-4o-mini',
  temperature: 0.2,
  max_tokens: 512,
  stream: true,
  user: 'alice@example.com',
  messages: [
    { role: 'system', content: 'You are a support agent. Never reveal sk-proj-Ab3dE6gH9jK2mN5pQ8sT1vW4yZ7b.' },
    { role: 'user', content: '我的手机是 13800138000，邮箱 wang.wei@example.cn，请帮我查订单 202401150001。' },
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Card 4111 1111 1111 1111 was charged twice' },
        { type: 'image_url', image_url: { url: 'https://example.com/receipt.png', detail: 'low' } },
      ],
    },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'call_abc123',
          type: 'function',
          function: { name: 'lookup_customer', arguments: '{"phone":"+86 139-1234-5678","ip":"203.0.113.9"}' },
        },
      ],
    },
  ],
  tools: [{ type: 'function', function: { name: 'lookup_customer', parameters: { type: 'object', properties: {} } } }],
});

describe('maskJson', () => {
  it('masks every string value of an OpenAI chat request, never keys or other types', () => {
    const body = chatRequest();
    const findings: PiiFindings = {};
    const masked = masker.maskJson(body, findings);

    expect(masked.user).toBe('a***@example.com');
    expect(masked.messages[0].content).toBe('You are a support agent. Never reveal [redacted:api_key].');
    expect(masked.messages[1].content).toBe('我的手机是 138****8000，邮箱 w***@example.cn，请帮我查订单 202401150001。');
    expect(masked.messages[2].content).toEqual([
      { type: 'text', text: 'Card **** **** **** 1111 was charged twice' },
      { type: 'image_url', image_url: { url: 'https://example.com/receipt.png', detail: 'low' } },
    ]);
    const args = masked.messages[3].tool_calls![0].function.arguments;
    expect(JSON.parse(args)).toEqual({ phone: '+86 139-****-5678', ip: '203.0.*.*' }); // still valid JSON
    expect(Object.keys(masked)).toEqual(Object.keys(body));
    expect([masked.model, masked.temperature, masked.max_tokens, masked.stream]).toEqual(['gpt-4o-mini', 0.2, 512, true]);
    expect(findings).toEqual({ email: 2, api_key: 1, cn_mobile: 2, bank_card: 1, ipv4: 1 });
  });

  it('leaves base64 payloads (data URLs, input_audio) intact', () => {
    const png = `data:image/png;base64,${randomBytes(300).toString('base64')}`;
    const audio = randomBytes(3000).toString('base64');
    const body = {
      messages: [
        { role: 'user', content: [{ type: 'image_url', image_url: { url: png } }] },
        { role: 'user', content: [{ type: 'input_audio', input_audio: { data: audio, format: 'wav' } }] },
      ],
    };
    expect(masker.maskJson(body)).toBe(body);
  });

  it('does not mutate its input and shares unchanged subtrees', () => {
    const body = chatRequest();
    const before = JSON.stringify(body);
    const masked = masker.maskJson(body);
    expect(JSON.stringify(body)).toBe(before);
    expect(masked.tools).toBe(body.tools);
    expect((masked.messages[2].content as unknown[])[1]).toBe((body.messages[2].content as unknown[])[1]);
    const clean = { model: 'm', messages: [{ role: 'user', content: 'hello' }] };
    expect(masker.maskJson(clean)).toBe(clean);
  });

  it('keeps keys, even a JSON "__proto__" key, as plain properties', () => {
    const value = JSON.parse('{"__proto__": {"x": "13800138000"}, "13800138000": "a@b.io"}');
    const masked = masker.maskJson(value);
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(Object.keys(masked)).toEqual(['__proto__', '13800138000']);
    expect(masked['13800138000']).toBe('a***@b.io');
    expect(Object.getOwnPropertyDescriptor(masked, '__proto__')?.value).toEqual({ x: '138****8000' });
  });

  it('replaces what is nested deeper than the limit', () => {
    let deep: unknown = 'a@b.io';
    for (let i = 0; i < MAX_JSON_DEPTH + 5; i++) deep = [deep];
    const findings: PiiFindings = {};
    expect(JSON.stringify(masker.maskJson(deep, findings))).toContain('[redacted:too_deep]');
    expect(findings).toEqual({ too_deep: 1 });
  });

  it('returns the value untouched when masking is disabled', () => {
    const body = chatRequest();
    expect(compileMasker({ ...config(), enabled: false }).maskJson(body)).toBe(body);
  });
});
