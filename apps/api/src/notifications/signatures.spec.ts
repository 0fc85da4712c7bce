import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dingtalkSign, feishuSign, signWebhook, verifyWebhookSignature } from './signatures';

describe('webhook signatures', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = '{"id":"evt-1","type":"test"}';

  it('signs "<timestamp>.<body>" and verifies within the window only', () => {
    const signature = signWebhook(secret, 1_700_000_000, body);
    expect(signature).toBe(`v1=${createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex')}`);
    const header = { timestamp: '1700000000', signature };
    expect(verifyWebhookSignature(secret, header, body, 1_700_000_100)).toBe(true);
    expect(verifyWebhookSignature(secret, header, `${body} `, 1_700_000_100)).toBe(false);
    expect(verifyWebhookSignature('another-secret-value', header, body, 1_700_000_100)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 1_700_000_301)).toBe(false);
    expect(verifyWebhookSignature(secret, { ...header, timestamp: '1700000001' }, body, 1_700_000_100)).toBe(false);
  });
});

describe('chat bot signatures', () => {
  it('Feishu: HMAC keyed by "<timestamp>\\n<secret>" over an empty message', () => {
    const expected = createHmac('sha256', '1700000000\nfeishu-secret').digest('base64');
    expect(feishuSign('feishu-secret', 1_700_000_000)).toBe(expected);
  });

  it('DingTalk: HMAC keyed by the secret over "<timestamp ms>\\n<secret>"', () => {
    const expected = createHmac('sha256', 'SECdingtalk').update('1700000000000\nSECdingtalk').digest('base64');
    expect(dingtalkSign('SECdingtalk', 1_700_000_000_000)).toBe(expected);
  });
});
