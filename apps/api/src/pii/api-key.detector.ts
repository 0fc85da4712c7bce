import { characterClasses, shannonEntropy } from './mask-utils';
import type { PiiDetector } from './pii.types';

export const API_KEY_REPLACEMENT = '[redacted:api_key]';

/** Token shapes, most specific first (at one position the first alternative that matches wins). */
const SHAPES = [
  '[Bb]earer[ \\t]+[\\w.~+/-]{16,}=*', // Authorization: Bearer <token>
  'sk-ant-[A-Za-z0-9_-]{20,}', // Anthropic
  'sk-[A-Za-z0-9_-]{20,}', // OpenAI: sk-proj-..., sk-svcacct-..., legacy sk-...
  'air-[A-Za-z0-9_-]{32,}', // AI Router's own keys (apps/api/src/keys/api-key-secret.ts)
  'AKIA[0-9A-Z]{16}', // AWS access key id
  'AIza[0-9A-Za-z_-]{35}', // Google API key
  'gh[pousr]_[A-Za-z0-9]{36,}', // GitHub tokens
  'github_pat_[A-Za-z0-9_]{22,}', // GitHub fine-grained tokens
  'eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*', // JWT
  // Long hex / base64 / base64url token (validated below). Runs over 512 characters and data-URL
  // payloads are binary content (images, audio), not credentials: masking them would break the body.
  '(?<!base64,)[A-Za-z0-9+/_-]{32,512}={0,2}',
];
const TOKEN_CHAR = 'A-Za-z0-9+/_-';
const PREFIXES = ['sk-ant-', 'sk-', 'air-', 'AKIA', 'AIza', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'eyJ'];
const BEARER = /^([Bb]earer[ \t]+)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A long token with no known prefix counts as a secret when it is high-entropy with mixed classes:
 * pure hex needs letters and digits (>= 2.5 bits/char, so `deadbeef...` repeats stay); anything else
 * needs lowercase, uppercase and digits (>= 3.5 bits/char). UUIDs and slash-heavy strings (paths like
 * `src/app/UserProfile2Card`) are not secrets. Long CamelCase identifiers with digits may be masked:
 * erring towards masking is the safe side.
 */
export function looksLikeSecret(token: string): boolean {
  const s = token.replace(/=+$/, '');
  if (UUID.test(s)) return false;
  if (/^[0-9a-f]+$/i.test(s)) return /\d/.test(s) && /[a-f]/i.test(s) && shannonEntropy(s) >= 2.5;
  const slashes = s.split('/').length - 1;
  if (slashes * 12 > s.length) return false;
  return characterClasses(s) === 3 && shannonEntropy(s) >= 3.5;
}

/**
 * API keys and other credentials. After a known prefix the body needs an uppercase letter and a
 * second class (every provider's keys are mixed-case; `air-conditioning-schedule-2024` and
 * `sk-learn-classifier-v2` are prose). A bearer token needs two classes (opaque lowercase hex is
 * common there).
 * Everything is masked fully as `[redacted:api_key]`; a bearer header keeps its `Bearer ` word.
 * Tokens only start where no token character precedes them (`task-...` never yields `sk-...`).
 */
export const apiKeyDetector: PiiDetector<'api_key'> = {
  name: 'api_key',
  pattern: new RegExp(`(?<![${TOKEN_CHAR}])(?:${SHAPES.join('|')})(?![=${TOKEN_CHAR}])`, 'g'),
  validate: (match) => {
    const bearer = BEARER.exec(match);
    if (bearer) return characterClasses(match.slice(bearer[1].length)) >= 2;
    const prefix = PREFIXES.find((p) => match.startsWith(p));
    if (prefix) {
      const body = match.slice(prefix.length);
      return /[A-Z]/.test(body) && characterClasses(body) >= 2;
    }
    return looksLikeSecret(match);
  },
  mask: (match) => {
    const bearer = BEARER.exec(match);
    return bearer ? bearer[1] + API_KEY_REPLACEMENT : API_KEY_REPLACEMENT;
  },
};
