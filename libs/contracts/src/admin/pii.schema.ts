import { z } from 'zod';

/**
 * Built-in PII detectors an org can switch on. The order here is only the wire enum; the gateway
 * applies them in its own fixed order (see apps/api/src/pii/detectors.ts).
 */
export const PII_BUILTINS = ['phone', 'cn_mobile', 'bank_card', 'email', 'cn_national_id', 'api_key', 'ipv4'] as const;
export const piiBuiltinSchema = z.enum(PII_BUILTINS);
export type PiiBuiltin = z.infer<typeof piiBuiltinSchema>;

export const PII_CUSTOM_PATTERN_MAX_CHARS = 200;
export const PII_CUSTOM_RULES_MAX = 20;

const noDuplicates = (values: readonly string[]) => new Set(values).size === values.length;

/**
 * An org-defined rule: a JavaScript regex source plus flags (a subset of `imsu`; `g` is added by the
 * masker). The pattern must compile and must not match the empty string. The replacement is literal
 * text (no `$1` expansion); absent, matches become `[redacted:<name>]`. The gateway additionally
 * refuses patterns that look prone to catastrophic backtracking (nested quantifiers such as `(a+)+`);
 * that check lives next to the masker (apps/api/src/pii/regex-guard.ts).
 */
export const piiCustomRuleSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letters, digits and _, starting with a letter (max 40)'),
    pattern: z.string().min(1).max(PII_CUSTOM_PATTERN_MAX_CHARS),
    flags: z
      .string()
      .regex(/^[imsu]*$/, 'flags may only be i, m, s and u')
      .refine((f) => noDuplicates([...f]), 'flags must not repeat')
      .optional(),
    replacement: z.string().max(100).optional(),
  })
  .superRefine((rule, ctx) => {
    let compiled: RegExp;
    try {
      compiled = new RegExp(rule.pattern, rule.flags ?? '');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: `pattern does not compile: ${reason}` });
      return;
    }
    if (compiled.test('')) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'pattern must not match the empty string' });
  });
export type PiiCustomRule = z.infer<typeof piiCustomRuleSchema>;

/**
 * An org's PII masking settings. Defaults: masking on, every built-in detector on, applied to what we
 * log and store (request/response logs) but not to what is sent upstream to the provider.
 */
export const piiConfigSchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    applyToLogs: z.boolean().default(true),
    applyToUpstream: z.boolean().default(false),
    builtins: z
      .array(piiBuiltinSchema)
      .max(PII_BUILTINS.length)
      .refine(noDuplicates, 'built-in detectors must not repeat')
      .default(() => [...PII_BUILTINS]),
    custom: z.array(piiCustomRuleSchema).max(PII_CUSTOM_RULES_MAX).default(() => []),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>(PII_BUILTINS);
    config.custom.forEach((rule, index) => {
      if (seen.has(rule.name)) {
        ctx.addIssue({ code: 'custom', path: ['custom', index, 'name'], message: `rule name "${rule.name}" is already used` });
      }
      seen.add(rule.name);
    });
  });
export type PiiConfig = z.infer<typeof piiConfigSchema>;
export type PiiConfigInput = z.input<typeof piiConfigSchema>;

/** What an org without saved settings gets (a fresh object each call). */
export const defaultPiiConfig = (): PiiConfig => piiConfigSchema.parse({});
