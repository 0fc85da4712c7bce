import { describe, expect, it } from 'vitest';
import { sampleFromSchema } from './schema-sample';

describe('sampleFromSchema', () => {
  it('fills required properties with plausible values', () => {
    const schema = {
      type: 'object',
      properties: {
        city: { type: 'string' },
        unit: { type: 'string', enum: ['fahrenheit', 'celsius'] },
        days: { type: 'integer', minimum: 3, maximum: 10 },
        verbose: { type: 'boolean' },
        note: { type: 'string' },
      },
      required: ['city', 'unit', 'days', 'verbose'],
    };
    expect(sampleFromSchema(schema)).toEqual({ city: 'Paris', unit: 'fahrenheit', days: 3, verbose: true });
  });

  it('fills every property when required is absent, and nests arrays and objects', () => {
    const schema = {
      properties: {
        tags: { type: 'array', items: { type: 'string' }, minItems: 2 },
        owner: { type: 'object', properties: { email: { type: 'string', format: 'email' } } },
        when: { type: ['string', 'null'], format: 'date-time' },
      },
    };
    expect(sampleFromSchema(schema)).toEqual({
      tags: ['mock tags', 'mock tags'],
      owner: { email: 'user@example.com' },
      when: '2024-01-01T12:00:00Z',
    });
  });

  it('honours const, default, anyOf, allOf, bounds and lengths', () => {
    expect(sampleFromSchema({ const: 'x' })).toBe('x');
    expect(sampleFromSchema({ type: 'number', default: 7 })).toBe(7);
    expect(sampleFromSchema({ anyOf: [{ type: 'integer' }, { type: 'string' }] })).toBe(1);
    expect(sampleFromSchema({ type: 'number', exclusiveMinimum: 0.5, maximum: 1 })).toBe(1);
    expect(sampleFromSchema({ type: 'string', minLength: 10, maxLength: 12 })).toBe('mockxxxxxx');
    expect(
      sampleFromSchema({ allOf: [{ type: 'object', properties: { a: { type: 'integer' } }, required: ['a'] }, { properties: { b: { const: 2 } } }] }),
    ).toEqual({ a: 1 });
  });

  it('resolves local refs and stops on recursive schemas', () => {
    const schema = {
      type: 'object',
      properties: { node: { $ref: '#/$defs/node' } },
      $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } }, required: ['child'] } },
    };
    const sample = sampleFromSchema(schema) as Record<string, unknown>;
    expect(JSON.stringify(sample)).toContain('"child":');
    expect(sampleFromSchema(undefined)).toBe('mock');
  });
});
