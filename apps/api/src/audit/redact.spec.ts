import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact';

describe('redactSecrets', () => {
  it('hides secret-looking fields at any depth and keeps the rest', () => {
    expect(redactSecrets({
      name: 'openai', apiKey: 'sk-live', awsCredentials: { accessKeyId: 'AKIA', secretAccessKey: 's' },
      nested: [{ password: 'p', role: 'admin' }],
    })).toEqual({ name: 'openai', apiKey: '[redacted]', awsCredentials: '[redacted]', nested: [{ password: '[redacted]', role: 'admin' }] });
  });
});
