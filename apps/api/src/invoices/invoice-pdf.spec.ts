import { describe, expect, it } from 'vitest';
import type { InvoiceDocument } from './invoice-document';
import { renderInvoicePdf } from './invoice-pdf';

const doc: InvoiceDocument = {
  number: 'INV-2026-000007', orgName: 'Acme', periodStart: new Date('2026-04-01T00:00:00Z'), periodEnd: new Date('2026-05-01T00:00:00Z'),
  issuedAt: new Date('2026-05-01T01:00:00Z'), currency: 'USD', subtotalNano: 60n * 1_500_000_000n, discountNano: 0n, totalNano: 60n * 1_500_000_000n,
  lines: Array.from({ length: 60 }, (_, i) => ({
    position: i + 1, model: `model-${i + 1}`, requests: 10n, inputTokens: 1_000_000n, outputTokens: 100_000n, cachedInputTokens: 0n,
    cacheWriteTokens: 0n, images: 0n, amountNano: 1_500_000_000n,
  })),
};

describe('renderInvoicePdf', () => {
  it('renders a PDF whose metadata names the invoice, compressed or not, across pages', async () => {
    for (const compress of [false, true]) {
      const pdf = await renderInvoicePdf(doc, { compress });
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF')).toBe(true);
      expect(text).toContain('INV-2026-000007');
      expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
      // 60 lines do not fit on one A4 page: the table continues on the next.
      expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
    }
  });
});
