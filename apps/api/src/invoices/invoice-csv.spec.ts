import { describe, expect, it } from 'vitest';
import { INVOICE_CSV_COLUMNS, invoiceCsv } from './invoice-csv';
import type { InvoiceDocument } from './invoice-document';
import type { DraftLine } from './invoice-draft';

const line = (position: number, model: string, amountNano: bigint): DraftLine => ({
  position, model, requests: 2n, inputTokens: 120n, outputTokens: 30n, cachedInputTokens: 5n, cacheWriteTokens: 1n, images: 0n, amountNano,
});

const doc = (lines: DraftLine[], discountNano = 0n): InvoiceDocument => {
  const subtotalNano = lines.reduce((s, l) => s + l.amountNano, 0n);
  return {
    number: 'INV-2026-000042', orgName: 'Acme', periodStart: new Date('2026-04-01T00:00:00Z'), periodEnd: new Date('2026-05-01T00:00:00Z'),
    issuedAt: new Date('2026-05-01T01:00:00Z'), currency: 'USD', subtotalNano, discountNano, totalNano: subtotalNano - discountNano, lines,
  };
};

/** A small RFC 4180 reader, so the test checks what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

describe('invoiceCsv', () => {
  it('has a header, one row per line, then subtotal, discount and total with exact nano-dollar amounts', () => {
    const rows = parseCsv(invoiceCsv(doc([line(1, 'alpha', 1_234_567_891n), line(2, 'beta', 1n)], 5n)));
    expect(rows[0]).toEqual([...INVOICE_CSV_COLUMNS]);
    expect(rows.slice(1).map((r) => [r[3], r[5], r[12], r[13]])).toEqual([
      ['line', 'alpha', '1234567891', '1.234567891'],
      ['line', 'beta', '1', '0.000000001'],
      ['subtotal', '', '1234567892', '1.234567892'],
      ['discount', 'discounts and credits', '-5', '-0.000000005'],
      ['total', '', '1234567887', '1.234567887'],
    ]);
    expect(rows[1]!.slice(0, 3)).toEqual(['INV-2026-000042', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z']);
    expect(rows[1]!.slice(6, 12)).toEqual(['2', '120', '30', '5', '1', '0']);
    expect(rows.every((r) => r.length === INVOICE_CSV_COLUMNS.length)).toBe(true);
  });

  it('lines plus discount add up to the total', () => {
    const rows = parseCsv(invoiceCsv(doc([line(1, 'a', 700n), line(2, 'b', 300n)], 250n)));
    const sum = rows.filter((r) => r[3] === 'line' || r[3] === 'discount').reduce((s, r) => s + BigInt(r[12]!), 0n);
    expect(sum).toBe(BigInt(rows.find((r) => r[3] === 'total')![12]!));
  });

  it('quotes commas and quotes in model names and defuses spreadsheet formulas', () => {
    const rows = parseCsv(invoiceCsv(doc([line(1, 'gpt, "mini"', 1n), line(2, '=HYPERLINK("x")', 1n), line(3, '-1+1', 1n)])));
    expect(rows.slice(1, 4).map((r) => r[5])).toEqual(['gpt, "mini"', `'=HYPERLINK("x")`, `'-1+1`]);
  });
});
