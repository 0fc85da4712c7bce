/** Field names whose values never enter the audit log (nor any other record of a request body). */
const SECRET_FIELD = /(key|secret|password|token|credential|authorization)/i;

export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactSecrets(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? '[redacted]' : redactSecrets(v, depth + 1)]),
  );
}
