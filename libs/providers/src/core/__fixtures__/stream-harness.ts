/** Test helpers: load fixtures and run stream transcripts through a transformer cut every way. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { NormalizedUsage, StreamEvent, StreamTransformer } from '../adapter.types';

export function readFixture(dir: string, name: string): string {
  return readFileSync(join(dir, '__fixtures__', name), 'utf8');
}

export function readJsonFixture<T = any>(dir: string, name: string): T {
  return JSON.parse(readFixture(dir, name)) as T;
}

export interface StreamRun {
  events: StreamEvent[];
  usage: NormalizedUsage | null;
  finishReason: string | null;
}

export function runStream(create: () => StreamTransformer, pieces: Iterable<Uint8Array | string>): StreamRun {
  const transformer = create();
  const events: StreamEvent[] = [];
  for (const piece of pieces) events.push(...transformer.push(piece));
  events.push(...transformer.end());
  return { events, usage: transformer.usage, finishReason: transformer.finishReason };
}

/** Deterministic PRNG (mulberry32) so a failing random cut can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPieces(bytes: Uint8Array, seed: number): Uint8Array[] {
  const next = random(seed);
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(next() * 64);
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  return pieces;
}

/** Whole, in two at every byte boundary (mid-line, mid-CRLF, mid-UTF-8), 1-byte pieces, random sizes. */
export function* cuts(bytes: Uint8Array): Generator<[label: string, pieces: Uint8Array[]]> {
  yield ['whole', [bytes]];
  for (let at = 1; at < bytes.length; at++) yield [`split at byte ${at}`, [bytes.subarray(0, at), bytes.subarray(at)]];
  yield ['1-byte pieces', Array.from(bytes, (_, at) => bytes.subarray(at, at + 1))];
  for (let seed = 1; seed <= 20; seed++) yield [`random pieces (seed ${seed})`, randomPieces(bytes, seed)];
}

/** Every cut of the bytes must run exactly as `expected` (a serialised StreamRun); a failure names the cut. */
function expectSameUnderEveryCut(create: () => StreamTransformer, bytes: Uint8Array, expected: string): void {
  for (const [label, pieces] of cuts(bytes)) {
    const run = JSON.stringify(runStream(create, pieces));
    if (run !== expected) expect(run, label).toBe(expected);
  }
}

/** Runs the transcript (LF, CRLF and CR line endings) under every cut; all runs must equal the first. */
export function runUnderEveryCut(create: () => StreamTransformer, transcript: string): StreamRun {
  const reference = runStream(create, [transcript]);
  const expected = JSON.stringify(reference);
  for (const text of [transcript, transcript.replace(/\n/g, '\r\n'), transcript.replace(/\n/g, '\r')]) {
    expectSameUnderEveryCut(create, new TextEncoder().encode(text), expected);
  }
  return reference;
}

/** For binary streams (Bedrock's event stream), which have no line endings to vary. */
export function runUnderEveryByteCut(create: () => StreamTransformer, bytes: Uint8Array): StreamRun {
  const reference = runStream(create, [bytes]);
  expectSameUnderEveryCut(create, bytes, JSON.stringify(reference));
  return reference;
}

/** Compares a run with the `<fixture>.expected.json` chunks of `dir`, then its finish reason and usage. */
export function expectRunMatchesFixture(
  run: StreamRun,
  dir: string,
  fixture: string,
  finishReason: string | null,
  usage: NormalizedUsage | null,
): void {
  expect(readableEvents(run.events)).toEqual(readJsonFixture(dir, `${fixture}.expected.json`));
  expect(run.finishReason).toBe(finishReason);
  expect(run.usage).toEqual(usage);
}

/** Events with `json` parsed, for comparison with expected chunks; also checks the JSON is compact. */
export function readableEvents(events: StreamEvent[]): unknown[] {
  return events.map((event) => {
    if (event.kind !== 'data') return event;
    const chunk: unknown = JSON.parse(event.json);
    expect(event.json).toBe(JSON.stringify(chunk));
    return { kind: 'data', usageOnly: event.usageOnly, chunk };
  });
}

/** The `data:` payloads of a transcript, read with a plain line scan (independent of the parser). */
export function dataPayloads(transcript: string): string[] {
  return transcript
    .split('\n')
    .filter((line) => line.startsWith('data: '))
    .map((line) => line.slice('data: '.length));
}
