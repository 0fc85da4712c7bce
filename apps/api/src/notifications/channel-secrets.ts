import type { SecretBox } from '../crypto/secret-box';
import type { NotificationChannel } from './notification-channel.entity';

export type ChannelSecrets = Record<string, string>;

/** One encrypted JSON object per channel, bound to its row id; no secrets, no ciphertext. */
export function sealChannelSecrets(box: SecretBox, channelId: string, secrets: ChannelSecrets): Pick<NotificationChannel, 'secretCiphertext' | 'keyVersion'> {
  const present = Object.fromEntries(Object.entries(secrets).filter(([, v]) => typeof v === 'string' && v !== ''));
  if (!Object.keys(present).length) return { secretCiphertext: null, keyVersion: null };
  const { ciphertext, version } = box.encrypt(JSON.stringify(present), channelId);
  return { secretCiphertext: ciphertext, keyVersion: version };
}

/** Needs the row loaded with `secretCiphertext` selected. */
export function openChannelSecrets(box: SecretBox, channel: Pick<NotificationChannel, 'id' | 'secretCiphertext' | 'keyVersion'>): ChannelSecrets {
  if (!channel.secretCiphertext || channel.keyVersion === null) return {};
  return JSON.parse(box.decrypt(channel.secretCiphertext, channel.id, channel.keyVersion)) as ChannelSecrets;
}
