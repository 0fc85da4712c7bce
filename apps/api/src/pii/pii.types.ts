/**
 * Types of the PII masker. The config shape mirrors `PiiConfig` from `@ai-router/contracts`
 * (libs/contracts/src/admin/pii.schema.ts); it is restated structurally here so the masker stays a
 * pure module, and a parsed `PiiConfig` is assignable to `PiiMaskerConfig`.
 */
export type PiiBuiltinName = 'phone' | 'cn_mobile' | 'bank_card' | 'email' | 'cn_national_id' | 'api_key' | 'ipv4';

export interface PiiCustomRuleConfig {
  name: string;
  /** JavaScript regex source, at most 200 characters. */
  pattern: string;
  /** Subset of `imsu`; `g` is always added. */
  flags?: string;
  /** Literal replacement text (no `$1` expansion). Default `[redacted:<name>]`. */
  replacement?: string;
}

export interface PiiMaskerConfig {
  enabled: boolean;
  applyToLogs: boolean;
  applyToUpstream: boolean;
  builtins: readonly PiiBuiltinName[];
  custom: readonly PiiCustomRuleConfig[];
}

/** One detector: a global regex finds candidates, `validate` (optional) confirms, `mask` replaces. */
export interface PiiDetector<Name extends string = string> {
  readonly name: Name;
  /** Must carry the `g` flag. The masker clones it, so sharing the instance is safe. */
  readonly pattern: RegExp;
  validate?(match: string): boolean;
  mask(match: string): string;
}

/** Detector name -> number of values masked. Extra keys: `oversize`, `too_deep` (see pii-masker.ts). */
export type PiiFindings = Record<string, number>;

export interface PiiMaskResult {
  text: string;
  findings: PiiFindings;
}
