import { apiKeyDetector } from './api-key.detector';
import { bankCardDetector } from './bank-card.detector';
import { cnMobileDetector } from './cn-mobile.detector';
import { cnNationalIdDetector } from './cn-national-id.detector';
import { emailDetector } from './email.detector';
import { ipv4Detector } from './ipv4.detector';
import { phoneDetector } from './phone.detector';
import type { PiiBuiltinName, PiiDetector } from './pii.types';

/**
 * Built-in detectors in the order the masker applies them. Every detector scans the original text;
 * a match is dropped when it overlaps a span an earlier detector already claimed. Hence:
 * 1. api_key        — secrets first: a key may contain digit runs that look like cards or phones.
 * 2. email          — `13800138000@163.com` is one email, not a mobile number plus `@163.com`.
 * 3. cn_national_id — strict checksum + birth date; 18 digits could otherwise pass Luhn as a card.
 * 4. bank_card      — before the phones so a card is never half-masked as a phone number.
 * 5. cn_mobile      — before phone, so `+86 139-1234-5678` gets the Chinese mask.
 * 6. phone          — conservative international numbers.
 * 7. ipv4
 * Custom rules run after all built-ins, in the order they are configured.
 */
export const BUILTIN_DETECTORS: readonly PiiDetector<PiiBuiltinName>[] = [
  apiKeyDetector,
  emailDetector,
  cnNationalIdDetector,
  bankCardDetector,
  cnMobileDetector,
  phoneDetector,
  ipv4Detector,
];

export const BUILTIN_ORDER: readonly PiiBuiltinName[] = BUILTIN_DETECTORS.map((d) => d.name);
