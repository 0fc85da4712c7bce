import { describe, expect, it } from 'vitest';
import { AdapterRequestError } from './errors';
import { applyParamMap, type ParamMap, unsupported } from './param-map';

interface Request {
  [field: string]: unknown;
}

const map: ParamMap<Request> = {
  max_tokens: { param: 'max_tokens', required: true, default: 256 },
  stop: { param: 'stop_sequences', transform: (stop: string | string[]) => (typeof stop === 'string' ? [stop] : stop) },
  user: { param: 'metadata.user_id' },
  effort: { param: 'config.effort' },
  format: { param: 'config.format', transform: (format: string) => (format === 'text' ? undefined : { type: format }) },
  both: [{ param: 'first' }, { param: 'second', transform: (value: number) => value * 2 }],
  penalty: unsupported('Acme', (value) => value === 0),
  ignored: {},
  needed: { param: 'needed', required: true, default: (request) => (request.fallback ? 'from-request' : undefined) },
};

describe('applyParamMap', () => {
  it('renames, transforms, nests and fans out fields', () => {
    const request = { max_tokens: 10, stop: 'END', user: 'u', effort: 'low', format: 'json', both: 3, ignored: 'x', fallback: true };
    expect(applyParamMap(request, map, { passUnknown: false })).toEqual({
      max_tokens: 10,
      stop_sequences: ['END'],
      metadata: { user_id: 'u' },
      config: { effort: 'low', format: { type: 'json' } },
      first: 3,
      second: 6,
      needed: 'from-request',
    });
  });

  it('applies defaults for absent and null fields, and drops undefined transforms', () => {
    expect(applyParamMap({ max_tokens: null, format: 'text', needed: 'n' }, map, { passUnknown: false })).toEqual({ max_tokens: 256, needed: 'n' });
  });

  it('rejects a missing required field that has no default', () => {
    expect(() => applyParamMap({}, map, { passUnknown: false })).toThrow(
      expect.objectContaining({ param: 'needed', code: 'missing_required_parameter' }),
    );
  });

  it('copies unknown fields unchanged (nulls included) when asked, minus excluded ones', () => {
    const request = { needed: 1, custom: { a: [1] }, nothing: null, secret: 's' };
    expect(applyParamMap(request, map, { passUnknown: true, exclude: ['secret'] })).toEqual({
      needed: 1,
      custom: { a: [1] },
      nothing: null,
      max_tokens: 256,
    });
  });

  it('lets neutral values of unsupported fields through and rejects the rest', () => {
    expect(applyParamMap({ needed: 1, penalty: 0 }, map, { passUnknown: false })).toEqual({ needed: 1, max_tokens: 256 });
    const attempt = () => applyParamMap({ needed: 1, penalty: 0.5 }, map, { passUnknown: false });
    expect(attempt).toThrow(AdapterRequestError);
    expect(attempt).toThrow("'penalty' is not supported by Acme models.");
  });
});
