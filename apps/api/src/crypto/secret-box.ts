import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM for secrets at rest. The row id is bound as additional data so a ciphertext copied to
 * another row fails to decrypt; `version` names the master key so keys can rotate without downtime.
 */
export class SecretBox {
  constructor(private readonly keys: ReadonlyMap<number, Buffer>, readonly currentVersion: number) {
    for (const [version, key] of keys) {
      if (key.length !== 32) throw new Error(`encryption key v${version} must be 32 bytes`);
    }
    if (!keys.has(currentVersion)) throw new Error(`no encryption key v${currentVersion}`);
  }

  encrypt(plaintext: string, aad: string): { ciphertext: Buffer; version: number } {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentVersion)!, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]), version: this.currentVersion };
  }

  decrypt(ciphertext: Buffer, aad: string, version: number): string {
    const key = this.keys.get(version);
    if (!key) throw new Error(`no encryption key v${version}`);
    const decipher = createDecipheriv('aes-256-gcm', key, ciphertext.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(ciphertext.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(ciphertext.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
