import type { z } from 'zod';

/** Form errors by field path: `name`, `settings.region`, `rules.0.when.tag`; `''` for the whole form. */
export type FieldErrors = Record<string, string>;

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

type Issue = z.core.$ZodIssue;

/** Zod's default messages are written for developers; these read well next to a form field. */
export function issueMessage(issue: Issue): string {
  const i = issue as Issue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string };
  if (i.code === 'too_small' && i.origin === 'string') return Number(i.minimum) <= 1 ? 'Required.' : `Use at least ${i.minimum} characters.`;
  if (i.code === 'too_big' && i.origin === 'string') return `Use at most ${i.maximum} characters.`;
  if (i.code === 'too_small' && i.origin === 'array') return Number(i.minimum) <= 1 ? 'Choose at least one.' : `Choose at least ${i.minimum}.`;
  if (i.code === 'too_big' && i.origin === 'array') return `At most ${i.maximum} entries.`;
  if (i.code === 'too_small' && i.origin === 'number') return `Must be at least ${i.minimum}.`;
  if (i.code === 'too_big' && i.origin === 'number') return `Must be at most ${i.maximum}.`;
  if (i.code === 'invalid_type' && i.expected === 'number') return 'Enter a number.';
  if (i.code === 'invalid_type' && i.input === undefined) return 'Required.';
  if (i.code === 'invalid_format' && i.format === 'url') return 'Enter a full URL, like https://api.example.com/v1.';
  if (i.code === 'invalid_format' && i.format === 'email') return 'Enter a valid email address.';
  if (i.code === 'invalid_format' && i.format === 'datetime') return 'Enter a valid date and time.';
  const text = issue.message;
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}

/** Runs a shared contracts schema over form input; the first issue of each field wins. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    errors[path] ??= issueMessage(issue);
  }
  return { ok: false, errors };
}

/** Errors under one prefix with the prefix removed, for a nested editor (`rules.0.`). */
export function errorsUnder(errors: FieldErrors, prefix: string): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === prefix) out[''] = message;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
  }
  return out;
}

/** Optional text: empty means "not given". */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Optional number input: empty means "not given"; anything else goes to the schema as a number (or NaN). */
export function optionalNumber(value: string): number | undefined {
  return value.trim() === '' ? undefined : Number(value);
}

/** One entry per line or comma, blanks dropped. */
export function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A `datetime-local` input as the ISO instant the API takes; blank means "not given", and what does not parse goes to the schema as typed. */
export function optionalInstant(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  return Number.isNaN(Date.parse(value)) ? value : new Date(value).toISOString();
}
