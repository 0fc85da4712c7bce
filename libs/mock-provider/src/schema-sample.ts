/**
 * A plausible value for a JSON schema: used for tool-call arguments and `json_schema` replies, so
 * callers that validate against their own schema accept the mock's output. Fills required
 * properties (all of them when `required` is absent), honours enum/const/default/format/bounds,
 * resolves local `$ref`s, and stops at a fixed depth on recursive schemas.
 */

type Schema = Record<string, unknown>;

const MAX_DEPTH = 8;

export function sampleFromSchema(schema: unknown): unknown {
  return sample(asSchema(schema), '', asSchema(schema), 0);
}

/** Tool parameters are object schemas, possibly absent or without `type`: always yields an object. */
export function sampleToolInput(schema: unknown): unknown {
  return sampleFromSchema({ type: 'object', ...asSchema(schema) });
}

function asSchema(value: unknown): Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Schema) : {};
}

function sample(schema: Schema, key: string, root: Schema, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (typeof schema.$ref === 'string') return sample(resolveRef(schema.$ref, root), key, root, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  const variants = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(variants) && variants.length > 0) return sample(asSchema(variants[0]), key, root, depth + 1);
  if (Array.isArray(schema.allOf)) return sample(mergeAllOf(schema, root), key, root, depth + 1);

  switch (schemaType(schema)) {
    case 'object':
      return sampleObject(schema, root, depth);
    case 'array': {
      const items = asSchema(schema.items);
      const count = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      return Array.from({ length: Math.min(count, 10) }, () => sample(items, key, root, depth + 1));
    }
    case 'integer':
      return Math.ceil(sampleNumber(schema));
    case 'number':
      return sampleNumber(schema);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return sampleString(schema, key);
  }
}

function schemaType(schema: Schema): string {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') as string | undefined) ?? 'null';
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return 'string';
}

function sampleObject(schema: Schema, root: Schema, depth: number): Record<string, unknown> {
  const properties = asSchema(schema.properties);
  const names = Array.isArray(schema.required) ? (schema.required as string[]) : Object.keys(properties);
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = sample(asSchema(properties[name]), name, root, depth + 1);
  return out;
}

function sampleNumber(schema: Schema): number {
  const min =
    typeof schema.minimum === 'number'
      ? schema.minimum
      : typeof schema.exclusiveMinimum === 'number'
        ? schema.exclusiveMinimum + 1
        : undefined;
  const max =
    typeof schema.maximum === 'number'
      ? schema.maximum
      : typeof schema.exclusiveMaximum === 'number'
        ? schema.exclusiveMaximum - 1
        : undefined;
  let value = min ?? 1;
  if (max !== undefined && value > max) value = max;
  return value;
}

const FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T12:00:00Z',
  date: '2024-01-01',
  time: '12:00:00',
  email: 'user@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-4000-8000-000000000000',
  ipv4: '192.0.2.1',
};

const BY_NAME: [RegExp, string][] = [
  [/city|location|place|address/i, 'Paris'],
  [/country/i, 'France'],
  [/unit/i, 'celsius'],
  [/email/i, 'user@example.com'],
  [/url|link/i, 'https://example.com'],
  [/name/i, 'Ada Lovelace'],
  [/query|search|question/i, 'mock query'],
];

function sampleString(schema: Schema, key: string): string {
  let value = FORMATS[schema.format as string] ?? BY_NAME.find(([pattern]) => pattern.test(key))?.[1];
  value ??= key ? `mock ${key}` : 'mock';
  if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
    value = value.padEnd(schema.minLength, 'x');
  }
  if (typeof schema.maxLength === 'number') value = value.slice(0, schema.maxLength);
  return value;
}

/** Supports `#/$defs/X`, `#/definitions/X` and other local JSON pointers; unknown refs sample as `{}`. */
function resolveRef(ref: string, root: Schema): Schema {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return {};
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) {
    node = asSchema(node)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return asSchema(node);
}

function mergeAllOf(schema: Schema, root: Schema): Schema {
  const merged: Schema = { ...schema, allOf: undefined, properties: { ...asSchema(schema.properties) } };
  const required = new Set<string>(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const part of schema.allOf as unknown[]) {
    const ref = asSchema(part).$ref;
    const sub = typeof ref === 'string' ? resolveRef(ref, root) : asSchema(part);
    Object.assign(merged.properties as Schema, asSchema(sub.properties));
    if (Array.isArray(sub.required)) for (const name of sub.required as string[]) required.add(name);
    if (sub.type && !merged.type) merged.type = sub.type;
  }
  if (required.size > 0) merged.required = [...required];
  return merged;
}
