import { describe, expect, it } from 'vitest';
import { embed, toBase64 } from './embeddings';

describe('embed', () => {
  it('is a deterministic unit vector of the asked dimensions', () => {
    const vector = embed('hello', 32);
    expect(vector).toHaveLength(32);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    expect(embed('hello', 32)).toEqual(vector);
    expect(embed('other', 32)).not.toEqual(vector);
  });

  it('encodes little-endian float32 base64', () => {
    const vector = new Float32Array([1, -0.5, 0.25]);
    const bytes = Buffer.from(toBase64(vector), 'base64');
    expect([bytes.readFloatLE(0), bytes.readFloatLE(4), bytes.readFloatLE(8)]).toEqual([1, -0.5, 0.25]);
  });
});
