import { describe, expect, it } from 'vitest';
import { judgeSpend } from './spend-anomaly.evaluator';

const check = { anomalous: true, windowStart: '', windowEnd: '', spend: '12.000000000', baselineHourly: '1.000000000', ratio: 12, multiplier: 3, minSpend: '1.000000000' };

describe('judgeSpend', () => {
  it('follows the cost monitor and says by how much', () => {
    expect(judgeSpend(check)).toMatchObject({ breached: true, value: '12.000000000', summary: expect.stringContaining('12.0x') });
    expect(judgeSpend({ ...check, anomalous: false, ratio: null })).toMatchObject({ breached: false, summary: expect.stringContaining('no spend in the baseline') });
  });
});
