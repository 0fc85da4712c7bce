/**
 * Deterministic embeddings: a unit vector seeded from the SHA-256 of the input, so equal inputs
 * embed equally across runs and processes. Values are float32 so the `float` and `base64`
 * encodings of one input decode to exactly the same numbers.
 */
import { createHash } from 'node:crypto';
import { seededRandom } from './faults';

export const DEFAULT_DIMENSIONS = 16;

export function embed(input: string, dimensions: number): Float32Array {
  const seed = createHash('sha256').update(input).digest().readUInt32LE(0);
  const random = seededRandom(seed);
  const vector = new Float32Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    vector[i] = random() * 2 - 1;
    norm += vector[i] * vector[i];
  }
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dimensions; i++) vector[i] /= norm;
  return vector;
}

/** Little-endian float32 bytes in base64, the layout the OpenAI SDKs decode. */
export function toBase64(vector: Float32Array): string {
  const bytes = Buffer.allocUnsafe(vector.length * 4);
  for (let i = 0; i < vector.length; i++) bytes.writeFloatLE(vector[i], i * 4);
  return bytes.toString('base64');
}
