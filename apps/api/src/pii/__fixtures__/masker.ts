import { compileMasker } from '../pii-masker';
import type { PiiBuiltinName, PiiCustomRuleConfig, PiiMaskerConfig } from '../pii.types';

export const ALL_BUILTINS: PiiBuiltinName[] = ['api_key', 'email', 'cn_national_id', 'bank_card', 'cn_mobile', 'phone', 'ipv4'];

export function config(builtins: PiiBuiltinName[] = ALL_BUILTINS, custom: PiiCustomRuleConfig[] = []): PiiMaskerConfig {
  return { enabled: true, applyToLogs: true, applyToUpstream: false, builtins, custom };
}

/** Masks with every built-in (or the given ones) and returns only the text. */
export const mask = (text: string, builtins?: PiiBuiltinName[]) => compileMasker(config(builtins)).maskText(text).text;
