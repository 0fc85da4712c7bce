import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber } from './invoice-issuer.service';

describe('formatInvoiceNumber', () => {
  it('is the year of issue (UTC) and the zero-padded installation counter, which may outgrow six digits', () => {
    expect(formatInvoiceNumber(new Date('2026-12-31T23:30:00Z'), 42n)).toBe('INV-2026-000042');
    expect(formatInvoiceNumber(new Date('2027-01-01T00:00:00Z'), 1_234_567n)).toBe('INV-2027-1234567');
  });
});
