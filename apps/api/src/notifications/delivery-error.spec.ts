import { describe, expect, it } from 'vitest';
import { DeliveryError, safeErrorMessage } from './delivery-error';

describe('safeErrorMessage', () => {
  it('cuts secrets, their base64 and the token parts of secret URLs', () => {
    const secrets = { webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=tok-1234567890', password: 'hunter2-password' };
    const err = new DeliveryError('HTTP 400: bad access_token=tok-1234567890 for /robot/send?access_token=tok-1234567890 aHVudGVyMi1wYXNzd29yZA==');
    const message = safeErrorMessage(err, secrets);
    expect(message).not.toContain('tok-1234567890');
    expect(message).not.toContain(Buffer.from('hunter2-password').toString('base64'));
    expect(message).toContain('HTTP 400');
  });

  it('never relays the message of an unexpected error', () => {
    expect(safeErrorMessage(new Error('connect to https://hooks.slack.com/services/T/B/secret failed'), {})).toBe('internal error while delivering');
  });
});
