import { describe, expect, it } from 'vitest';
import { paginate } from './paginate';

describe('paginate', () => {
  const rows = Array.from({ length: 23 }, (_, i) => i + 1);

  it('slices pages and reports the range shown', () => {
    expect(paginate(rows, 1, 10)).toMatchObject({ rows: rows.slice(0, 10), page: 1, pageCount: 3, from: 1, to: 10, total: 23 });
    expect(paginate(rows, 3, 10)).toMatchObject({ rows: [21, 22, 23], from: 21, to: 23 });
  });

  it('clamps pages out of range, for example after rows were deleted', () => {
    expect(paginate(rows, 9, 10).page).toBe(3);
    expect(paginate(rows, 0, 10).page).toBe(1);
  });

  it('has one empty page for no rows', () => {
    expect(paginate([], 1, 10)).toEqual({ rows: [], page: 1, pageCount: 1, from: 0, to: 0, total: 0 });
  });
});
