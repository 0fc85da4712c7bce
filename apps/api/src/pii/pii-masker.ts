import { BUILTIN_DETECTORS } from './detectors';
import type { PiiDetector, PiiFindings, PiiMaskerConfig, PiiMaskResult } from './pii.types';
import { cutPoint, scan } from './pii-scan';
import { compileCustomPattern } from './regex-guard';

/** Per `maskText` call; each string inside `maskJson` counts separately. */
export const DEFAULT_MAX_INPUT_CHARS = 1_000_000;
/** Objects/arrays nested deeper than this are replaced, not walked (stack safety). */
export const MAX_JSON_DEPTH = 64;

export interface PiiMaskerOptions {
  maxInputChars?: number;
}

export interface PiiMasker {
  /** `enabled && applyToLogs` / `enabled && applyToUpstream`: where the caller should use the masker. */
  readonly applyToLogs: boolean;
  readonly applyToUpstream: boolean;
  maskText(text: string): PiiMaskResult;
  /**
   * Masks every string value in objects/arrays (keys untouched; numbers, booleans and non-plain
   * objects returned as they are). Copy-on-write: unchanged subtrees, and the whole value when
   * nothing matched, come back as the same references. Counts go into `findings` when given.
   */
  maskJson<T>(value: T, findings?: PiiFindings): T;
}

export class PiiConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid PII configuration: ${problems.join('; ')}`);
  }
}

function buildDetectors(config: PiiMaskerConfig, problems: string[]): PiiDetector[] {
  const enabled = new Set(config.builtins);
  const detectors: PiiDetector[] = BUILTIN_DETECTORS.filter((d) => enabled.has(d.name));
  for (const rule of config.custom) {
    try {
      const replacement = rule.replacement ?? `[redacted:${rule.name}]`;
      detectors.push({ name: rule.name, pattern: compileCustomPattern(rule), mask: () => replacement });
    } catch (error) {
      problems.push(`custom rule "${rule.name}": ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // Private clones: a global regex carries lastIndex state.
  return detectors.map((d) => ({ ...d, pattern: new RegExp(d.pattern.source, d.pattern.flags) }));
}

/**
 * Why `compileMasker` would refuse this config (empty when it is fine), checked even when masking
 * is disabled. Call it when an org saves its settings and answer 400 with these messages.
 */
export function piiConfigProblems(config: PiiMaskerConfig): string[] {
  const problems: string[] = [];
  buildDetectors(config, problems);
  return problems;
}

/**
 * Compiles an org's PII config into a masker. Throws `PiiConfigError` when a custom rule is unsafe
 * (bad flags, too long, nested quantifiers, backreferences, matches the empty string); check configs
 * with `piiConfigProblems` when they are saved so this never fires on the request path.
 *
 * Detectors run in the fixed order of `BUILTIN_DETECTORS` (api_key, email, cn_national_id,
 * bank_card, cn_mobile, phone, ipv4), then custom rules in configured order. All of them look at the
 * original text and a later match overlapping an earlier one is dropped, so nothing is masked twice
 * and masked output is never re-matched (masking is idempotent).
 *
 * Oversize input (more than `maxInputChars`, default 1 MB of UTF-16 units): the first part is masked
 * normally and the unscanned rest is replaced by `[redacted:oversize <n> chars]` with the finding
 * `oversize: 1`. We fail closed — returning the rest unchanged could leak PII into logs or upstream;
 * a caller that must forward such a body intact should refuse the request instead.
 */
export function compileMasker(config: PiiMaskerConfig, options: PiiMaskerOptions = {}): PiiMasker {
  const maxInputChars = options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
  const problems: string[] = [];
  const detectors = config.enabled ? buildDetectors(config, problems) : [];
  if (problems.length > 0) throw new PiiConfigError(problems);
  const active = detectors.length > 0;

  const maskInto = (text: string, findings: PiiFindings): string => {
    if (!active || text.length === 0) return text;
    if (text.length <= maxInputChars) return scan(text, detectors, findings);
    const cut = cutPoint(text, maxInputChars);
    findings.oversize = (findings.oversize ?? 0) + 1;
    return `${scan(text.slice(0, cut), detectors, findings)}[redacted:oversize ${text.length - cut} chars]`;
  };

  const walk = (value: unknown, findings: PiiFindings, depth: number): unknown => {
    if (typeof value === 'string') return maskInto(value, findings);
    if (value === null || typeof value !== 'object') return value;
    const isArray = Array.isArray(value);
    if (!isArray && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
    if (depth >= MAX_JSON_DEPTH) {
      findings.too_deep = (findings.too_deep ?? 0) + 1;
      return '[redacted:too_deep]';
    }
    if (isArray) {
      let out: unknown[] | null = null;
      value.forEach((item, i) => {
        const masked = walk(item, findings, depth + 1);
        if (masked !== item) (out ??= value.slice())[i] = masked;
      });
      return out ?? value;
    }
    let out: Record<string, unknown> | null = null;
    for (const [key, item] of Object.entries(value)) {
      const masked = walk(item, findings, depth + 1);
      if (masked === item) continue;
      out ??= { ...value };
      // defineProperty: a JSON-parsed own "__proto__" key must stay a plain property.
      Object.defineProperty(out, key, { value: masked, enumerable: true, writable: true, configurable: true });
    }
    return out ?? value;
  };

  return {
    applyToLogs: config.enabled && config.applyToLogs,
    applyToUpstream: config.enabled && config.applyToUpstream,
    maskText(text) {
      if (!active) return { text, findings: {} };
      const findings: PiiFindings = {};
      return { text: maskInto(text, findings), findings };
    },
    maskJson<T>(value: T, findings: PiiFindings = {}): T {
      return active ? (walk(value, findings, 0) as T) : value;
    },
  };
}
