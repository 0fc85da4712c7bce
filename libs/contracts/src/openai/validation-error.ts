/**
 * Turns zod issues into OpenAI-style validation errors: `param` uses OpenAI's path notation
 * (`messages[0].content[1].image_url.url`) so client SDKs point at the offending field.
 */
import type { z } from 'zod';
import type { OpenAIErrorObject } from './error.types';

type Issue = z.core.$ZodIssue;
type PathSegment = PropertyKey;

interface ResolvedIssue {
  path: PathSegment[];
  issue: Issue;
  message: string;
}

/** Formats a path as OpenAI does: keys joined by dots, array indices in brackets. */
export function formatParamPath(path: readonly PathSegment[]): string | null {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? null : out;
}

/**
 * A failed union reports every branch; the branch that got deepest into the value is the one the
 * client meant (e.g. an array of parts, not a string), so its issue names the precise param.
 */
function resolve(issue: Issue, prefix: PathSegment[]): ResolvedIssue {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
    return { path, issue, message: issue.message };
  }
  let best: Issue | undefined;
  for (const branch of issue.errors) {
    for (const candidate of branch) {
      if (!best || candidate.path.length > best.path.length) best = candidate;
    }
  }
  if (best && best.path.length > 0) return resolve(best, path);
  const expected = issue.errors
    .flat()
    .flatMap((branchIssue) => (branchIssue.code === 'invalid_type' ? [branchIssue.expected] : []));
  const message =
    expected.length === issue.errors.length ? `Invalid type: expected ${expected.join(' or ')}` : issue.message;
  return { path, issue, message };
}

export function zodIssueToParam(issue: Issue): string | null {
  return formatParamPath(resolve(issue, []).path);
}

/** The OpenAI error object for a body that failed validation (first issue wins, as OpenAI reports one). */
export function zodErrorToOpenAIError(error: z.ZodError): OpenAIErrorObject {
  const first = error.issues[0];
  if (!first) {
    return { message: 'Invalid request body', type: 'invalid_request_error', param: null, code: null };
  }
  const resolved = resolve(first, []);
  const param = formatParamPath(resolved.path);
  return {
    message: param ? `Invalid '${param}': ${resolved.message}` : `Invalid request body: ${resolved.message}`,
    type: 'invalid_request_error',
    param,
    code: resolved.issue.code === 'invalid_type' ? 'invalid_type' : 'invalid_value',
  };
}
