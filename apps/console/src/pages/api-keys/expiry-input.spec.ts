import { createApiKeySchema } from '@ai-router/contracts';
import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './expiry-input';

describe('expiry input', () => {
  it('round-trips through the datetime-local format, to minute precision', () => {
    const iso = '2031-03-04T05:06:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
    expect(toLocalInput(null)).toBe('');
    expect(fromLocalInput('')).toBeNull();
  });

  it('produces what the API schema accepts', () => {
    const expiresAt = fromLocalInput('2031-01-02T03:04');
    expect(createApiKeySchema.safeParse({ name: 'k', expiresAt }).success).toBe(true);
  });
});
