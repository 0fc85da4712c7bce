/**
 * JSON Schema (as OpenAI clients write it for tools and structured outputs) -> the OpenAPI-style
 * `Schema` subset Gemini accepts in `functionDeclarations[].parameters` and `responseSchema`.
 * Keywords Gemini rejects (`additionalProperties`, `$schema`, `strict`, ...) are dropped; local
 * `$ref`s are inlined, `["string", "null"]` types become `nullable`, `const` becomes a one-value enum.
 */
import { AdapterRequestError } from '../core/errors';
import { isRecord, type JsonObject } from '../core/json';

/** Keywords of Gemini's `Schema` message; everything else is removed. */
const KEPT = new Set([
  'type', 'format', 'title', 'description', 'nullable', 'enum', 'items', 'minItems', 'maxItems',
  'properties', 'required', 'minProperties', 'maxProperties', 'minLength', 'maxLength', 'pattern',
  'minimum', 'maximum', 'anyOf', 'propertyOrdering', 'default', 'example',
]);

/** The only `format` values Gemini accepts, per type; others would fail the whole request. */
const FORMATS: Readonly<Record<string, readonly string[]>> = {
  STRING: ['enum', 'date-time'],
  NUMBER: ['float', 'double'],
  INTEGER: ['int32', 'int64'],
};

const MAX_DEPTH = 64;

class SchemaConverter {
  private readonly resolving: string[] = [];

  constructor(
    private readonly root: JsonObject,
    private readonly param: string,
  ) {}

  convert(node: unknown, depth = 0): JsonObject {
    if (!isRecord(node)) return {};
    if (depth > MAX_DEPTH) this.reject('The JSON schema is nested too deeply.');
    if (typeof node.$ref === 'string') return this.resolveRef(node, depth);
    const source = this.flattenAllOf(node, depth);

    const out: JsonObject = {};
    for (const [key, value] of Object.entries(source)) {
      if (!KEPT.has(key)) continue;
      if (key === 'properties' && isRecord(value)) {
        out.properties = Object.fromEntries(
          Object.entries(value).map(([name, child]) => [name, this.convert(child, depth + 1)]),
        );
      } else if (key === 'items') {
        if (Array.isArray(value)) this.reject('Tuple-style `items` arrays are not supported by Gemini models.');
        out.items = this.convert(value, depth + 1);
      } else if (key === 'anyOf' && Array.isArray(value)) {
        out.anyOf = value.map((child) => this.convert(child, depth + 1));
      } else {
        out[key] = value;
      }
    }
    if (Array.isArray(source.oneOf) && out.anyOf === undefined) {
      out.anyOf = source.oneOf.map((child) => this.convert(child, depth + 1));
    }
    if (source.const !== undefined && out.enum === undefined) out.enum = [source.const];
    this.normaliseType(out);
    this.normaliseEnum(out);
    if (typeof out.format === 'string' && !FORMATS[String(out.type)]?.includes(out.format)) delete out.format;
    if (Array.isArray(out.required) && isRecord(out.properties)) {
      const names = out.properties;
      out.required = out.required.filter((name) => typeof name === 'string' && Object.hasOwn(names, name));
    }
    return out;
  }

  /** Inlines `#/$defs/X` and `#/definitions/X`; a schema that refers to itself cannot be inlined. */
  private resolveRef(node: JsonObject, depth: number): JsonObject {
    const ref = node.$ref as string;
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
    const defs = match ? this.root[match[1]!] : undefined;
    const target = match && isRecord(defs) ? defs[decodeURIComponent(match[2]!).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!isRecord(target)) this.reject(`The JSON schema reference '${ref}' cannot be resolved (only local $defs are supported).`);
    if (this.resolving.includes(ref)) this.reject(`Recursive JSON schemas ('${ref}') are not supported by Gemini models.`);
    this.resolving.push(ref);
    // Sibling keywords of $ref (description, nullable) refine the referenced schema.
    const { $ref: _ignored, ...siblings } = node;
    const resolved = this.convert({ ...target, ...siblings }, depth + 1);
    this.resolving.pop();
    return resolved;
  }

  /** `allOf: [X]` (what pydantic writes around a described `$ref`) is X; several parts are refused. */
  private flattenAllOf(node: JsonObject, depth: number): JsonObject {
    if (!Array.isArray(node.allOf)) return node;
    const { allOf, ...rest } = node;
    if (allOf.length !== 1) this.reject('`allOf` with several schemas is not supported by Gemini models.');
    return { ...this.convert(allOf[0], depth + 1), ...rest };
  }

  /** Gemini's `Type` enum is upper case; a `null` member of a type list becomes `nullable`. */
  private normaliseType(out: JsonObject): void {
    const types = Array.isArray(out.type) ? out.type : out.type === undefined ? [] : [out.type];
    const named = types.filter((type): type is string => typeof type === 'string').map((type) => type.toUpperCase());
    const concrete = named.filter((type) => type !== 'NULL');
    if (concrete.length < named.length && concrete.length > 0) out.nullable = true;
    if (concrete.length === 1) out.type = concrete[0];
    else if (concrete.length > 1) {
      delete out.type;
      out.anyOf = concrete.map((type) => ({ type }));
    } else if (named.length > 0) out.type = 'NULL';
  }

  /** Gemini enums are strings; numeric enums cannot be expressed and are dropped. */
  private normaliseEnum(out: JsonObject): void {
    if (out.enum === undefined) return;
    if (!Array.isArray(out.enum) || !out.enum.every((value) => typeof value === 'string')) {
      delete out.enum;
      return;
    }
    out.type ??= 'STRING';
  }

  private reject(message: string): never {
    throw new AdapterRequestError(this.param, message, 'invalid_value');
  }
}

/** Converts a client JSON schema for Gemini; `param` names the field in errors. */
export function toGeminiSchema(schema: JsonObject, param: string): JsonObject {
  return new SchemaConverter(schema, param).convert(schema);
}

/** Gemini refuses an OBJECT without properties; a function without parameters just omits them. */
export function hasProperties(schema: JsonObject): boolean {
  return isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
}
