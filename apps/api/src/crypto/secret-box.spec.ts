import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox(new Map([[1, randomBytes(32)]]), 1);

  it('round-trips a secret bound to its row id', () => {
    const { ciphertext, version } = box.encrypt('sk-live-123', 'row-1');
    expect(ciphertext.includes(Buffer.from('sk-live-123'))).toBe(false);
    expect(box.decrypt(ciphertext, 'row-1', version)).toBe('sk-live-123');
  });

  it('refuses a ciphertext moved to another row', () => {
    const { ciphertext, version } = box.encrypt('sk-live-123', 'row-1');
    expect(() => box.decrypt(ciphertext, 'row-2', version)).toThrow();
  });

  it('decrypts old versions after the current key rotates', () => {
    const oldKey = randomBytes(32);
    const before = new SecretBox(new Map([[1, oldKey]]), 1).encrypt('secret', 'r');
    const rotated = new SecretBox(new Map([[1, oldKey], [2, randomBytes(32)]]), 2);
    expect(rotated.decrypt(before.ciphertext, 'r', before.version)).toBe('secret');
    expect(rotated.encrypt('x', 'r').version).toBe(2);
  });
});
