import { describe, expect, it } from 'vitest';
import { DirectiveError, NO_DIRECTIVE, errorStatus, parseDirectives, parseFaultHeader, resolve, seededRandom, stripDirectives } from './faults';

describe('parseDirectives', () => {
  it('returns the shared empty directive when there is none', () => {
    expect(parseDirectives('plain prompt')).toBe(NO_DIRECTIVE);
  });

  it('finds a directive anywhere and merges several, later ones winning', () => {
    const text = 'before [[mock:{"status":429,"retryAfterSeconds":2}]] middle [[mock:{"status":503,"reply":"x"}]] after';
    expect(parseDirectives(text)).toEqual({ status: 503, retryAfterSeconds: 2, reply: 'x' });
  });

  it('accepts JSON that itself contains the closing marker', () => {
    expect(parseDirectives('[[mock:{"reply":"a}]]b"}]]')).toEqual({ reply: 'a}]]b' });
  });

  it('ignores text that is not JSON', () => {
    expect(parseDirectives('[[mock:{nope}]]')).toBe(NO_DIRECTIVE);
  });

  it('rejects unknown and mistyped fields', () => {
    expect(() => parseDirectives('[[mock:{"latency":5}]]')).toThrow(/'latency'/);
    expect(() => parseDirectives('[[mock:{"status":"500"}]]')).toThrow(DirectiveError);
    expect(() => parseDirectives('[[mock:{"reply":5}]]')).toThrow(DirectiveError);
    expect(() => parseDirectives('[[mock:{"failRate":2}]]')).toThrow(/failRate/);
    expect(() => parseFaultHeader('{"chunkDelayMs":-1}')).toThrow(DirectiveError);
  });

  it('types the format-specific fields: booleans, strings and the stream error status', () => {
    const directive = '[[mock:{"safetyBlock":true,"contentFilter":false,"finishReason":"SAFETY","streamErrorStatus":429}]]';
    expect(parseDirectives(directive)).toEqual({ safetyBlock: true, contentFilter: false, finishReason: 'SAFETY', streamErrorStatus: 429 });
    expect(() => parseDirectives('[[mock:{"safetyBlock":"yes"}]]')).toThrow(/'safetyBlock'/);
    expect(() => parseDirectives('[[mock:{"contentFilter":1}]]')).toThrow(/'contentFilter'/);
    expect(() => parseDirectives('[[mock:{"finishReason":true}]]')).toThrow(/'finishReason'/);
  });
});

describe('stripDirectives', () => {
  it('removes directives and keeps the rest of the prompt', () => {
    expect(stripDirectives('Tell me [[mock:{"chunks":3}]] a joke')).toBe('Tell me  a joke');
    expect(stripDirectives('no directive')).toBe('no directive');
  });
});

describe('parseFaultHeader', () => {
  it('parses a JSON object and rejects anything else', () => {
    expect(parseFaultHeader(undefined)).toBeUndefined();
    expect(parseFaultHeader('{"status":500}')).toEqual({ status: 500 });
    expect(() => parseFaultHeader('[1]')).toThrow(DirectiveError);
    expect(() => parseFaultHeader('oops')).toThrow(DirectiveError);
  });
});

describe('resolve', () => {
  const server = { status: 500 };

  it('prefers the header, then the message directive, then the server fault', () => {
    expect(resolve({ status: 503 }, { status: 429 }, server).fault).toEqual({ status: 503 });
    expect(resolve(undefined, { status: 429 }, server).fault).toEqual({ status: 429 });
    expect(resolve(undefined, NO_DIRECTIVE, server).fault).toBe(server);
  });

  it('does not let answer-only options hide a less specific fault', () => {
    const resolved = resolve({ reply: 'header' }, { reply: 'inline', chunks: 2 }, server);
    expect(resolved.fault).toBe(server);
    expect(resolved.options).toEqual({ reply: 'header', chunks: 2 });
  });

  it('replaces a less specific fault whole', () => {
    expect(resolve(undefined, { latencyMs: 5 }, server).fault).toEqual({ latencyMs: 5 });
  });
});

describe('errorStatus', () => {
  const never = (): number => 1;

  it('applies a status of 400 or more, and nothing without a fault', () => {
    expect(errorStatus(null, never)).toBeUndefined();
    expect(errorStatus({ status: 429 }, never)).toBe(429);
    expect(errorStatus({ status: 200 }, never)).toBeUndefined();
    expect(errorStatus({ latencyMs: 10 }, never)).toBeUndefined();
  });

  it('draws against failRate, defaulting the status to 500', () => {
    expect(errorStatus({ failRate: 0.5 }, () => 0.4)).toBe(500);
    expect(errorStatus({ failRate: 0.5, status: 503 }, () => 0.4)).toBe(503);
    expect(errorStatus({ failRate: 0.5 }, () => 0.6)).toBeUndefined();
  });

  it('fails about failRate of the requests, reproducibly', () => {
    const draw = (): number => {
      const random = seededRandom(1);
      let failures = 0;
      for (let i = 0; i < 1000; i++) if (errorStatus({ failRate: 0.3 }, random)) failures++;
      return failures;
    };
    const failures = draw();
    expect(failures).toBeGreaterThan(250);
    expect(failures).toBeLessThan(350);
    expect(draw()).toBe(failures);
  });
});
