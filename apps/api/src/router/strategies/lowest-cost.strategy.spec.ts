import { describe, expect, it } from 'vitest';
import { candidate, context, firstPicks, ids, request } from './__fixtures__/candidates';
import { lowestCost } from './lowest-cost.strategy';

describe('lowest-cost', () => {
  const promptHeavy = candidate('prompt-heavy', { price: [10, 1] });
  const outputHeavy = candidate('output-heavy', { price: [1, 10] });

  it.each([
    ['a long prompt favours cheap input', { promptTokens: 10_000, maxOutputTokens: 100 }, ['output-heavy', 'prompt-heavy']],
    ['a long answer favours cheap output', { promptTokens: 100, maxOutputTokens: 10_000 }, ['prompt-heavy', 'output-heavy']],
  ])('%s', (_name, tokens, expected) => {
    expect(ids(lowestCost.order([promptHeavy, outputHeavy], request(tokens), context()))).toEqual(expected);
  });

  it('puts free first and unknown prices last', () => {
    const fleet = [candidate('unknown', { price: null }), candidate('paid', { price: [1, 2] }), candidate('free', { price: [0, 0] })];
    const ordered = lowestCost.order(fleet, request({ promptTokens: 1000, maxOutputTokens: 500 }), context());
    expect(ids(ordered)).toEqual(['free', 'paid', 'unknown']);
    expect(ordered.map((s) => s.score)).toEqual([0, 0.002, null]);
    expect(ordered[1]!.note).toBe('est. 0.00200 for 1000 in + 500 out tokens');
    expect(ordered[2]!.note).toBe('price unknown');
  });

  it('shares the load between equal prices', () => {
    const counts = firstPicks(lowestCost, [candidate('a'), candidate('b'), candidate('dear', { price: [5, 5] })], 2000);
    expect(counts.a! / 2000).toBeCloseTo(0.5, 1);
    expect(counts.dear).toBeUndefined();
  });
});
