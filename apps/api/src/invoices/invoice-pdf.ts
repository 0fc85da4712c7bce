import PDFDocument from 'pdfkit';
import { formatCents, formatCount, unitPrice } from './invoice-display';
import type { InvoiceDocument } from './invoice-document';
import type { DraftLine } from './invoice-draft';

const MARGIN = 50;
const ROW_HEIGHT = 16;

interface Column {
  title: string;
  width: number;
  align: 'left' | 'right';
  value: (line: DraftLine) => string;
}

/** A4 portrait leaves 495pt between the margins; the widths add up to it. */
const COLUMNS: Column[] = [
  { title: '#', width: 18, align: 'left', value: (l) => String(l.position) },
  { title: 'Model', width: 92, align: 'left', value: (l) => l.model },
  { title: 'Requests', width: 45, align: 'right', value: (l) => formatCount(l.requests) },
  { title: 'Input tok.', width: 58, align: 'right', value: (l) => formatCount(l.inputTokens) },
  { title: 'Output tok.', width: 58, align: 'right', value: (l) => formatCount(l.outputTokens) },
  { title: 'Cached/write', width: 62, align: 'right', value: (l) => `${formatCount(l.cachedInputTokens)} / ${formatCount(l.cacheWriteTokens)}` },
  { title: 'Images', width: 34, align: 'right', value: (l) => formatCount(l.images) },
  { title: 'Unit price', width: 78, align: 'right', value: unitPrice },
  { title: 'Amount', width: 50, align: 'right', value: (l) => formatCents(l.amountNano) },
];

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Renders the invoice as a PDF. The number is also the document title (PDF metadata, never
 * compressed), so it can be found in the file whatever `compress` says.
 */
export function renderInvoicePdf(invoice: InvoiceDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4', margin: MARGIN, compress: options.compress ?? true,
    info: { Title: invoice.number, Subject: `Invoice ${invoice.number}, ${invoice.orgName}`, Author: 'AI Router', CreationDate: invoice.issuedAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  header(pdf, invoice);
  let y = tableHeader(pdf, pdf.y + 16);
  pdf.font('Helvetica').fontSize(8);
  for (const line of invoice.lines) {
    if (y > pdf.page.height - MARGIN - 4 * ROW_HEIGHT) {
      pdf.addPage();
      y = tableHeader(pdf, MARGIN);
      pdf.font('Helvetica').fontSize(8);
    }
    row(pdf, y, COLUMNS.map((c) => c.value(line)));
    y += ROW_HEIGHT;
  }
  totals(pdf, invoice, y + 6);
  pdf.end();
  return done;
}

function header(pdf: PDFKit.PDFDocument, invoice: InvoiceDocument): void {
  pdf.font('Helvetica-Bold').fontSize(20).text('Invoice', MARGIN, MARGIN);
  pdf.moveDown(0.5).font('Helvetica').fontSize(10);
  const last = new Date(invoice.periodEnd.getTime() - 1);
  for (const [label, value] of [
    ['Invoice number', invoice.number],
    ['Organization', invoice.orgName],
    ['Period (UTC)', `${day(invoice.periodStart)} to ${day(last)}`],
    ['Issued', day(invoice.issuedAt)],
    ['Currency', invoice.currency],
  ]) {
    pdf.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value!);
  }
}

function tableHeader(pdf: PDFKit.PDFDocument, y: number): number {
  pdf.font('Helvetica-Bold').fontSize(8);
  row(pdf, y, COLUMNS.map((c) => c.title));
  pdf.moveTo(MARGIN, y + ROW_HEIGHT - 4).lineTo(pdf.page.width - MARGIN, y + ROW_HEIGHT - 4).lineWidth(0.5).stroke();
  return y + ROW_HEIGHT;
}

function row(pdf: PDFKit.PDFDocument, y: number, cells: string[]): void {
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const column = COLUMNS[i]!;
    pdf.text(fit(pdf, cell, column.width - 4), x, y, { width: column.width - 2, align: column.align, lineBreak: false });
    x += column.width;
  });
}

/** Cuts text to one line of `width` with an ellipsis (pdfkit would wrap it, even with lineBreak off). */
function fit(pdf: PDFKit.PDFDocument, text: string, width: number): string {
  if (pdf.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && pdf.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function totals(pdf: PDFKit.PDFDocument, invoice: InvoiceDocument, y: number): void {
  const labelX = MARGIN + 300;
  const width = pdf.page.width - MARGIN - labelX;
  pdf.moveTo(labelX, y).lineTo(pdf.page.width - MARGIN, y).lineWidth(0.5).stroke();
  const entries: [string, string, boolean][] = [
    ['Subtotal', formatCents(invoice.subtotalNano), false],
    ['Discounts (plan, coupons, refunds)', `-${formatCents(invoice.discountNano)}`, false],
    [`Total (${invoice.currency})`, formatCents(invoice.totalNano), true],
  ];
  entries.forEach(([label, amount, bold], i) => {
    const rowY = y + 6 + i * ROW_HEIGHT;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 10 : 9);
    pdf.text(label, labelX, rowY, { width: width - 70, lineBreak: false });
    pdf.text(amount, labelX + width - 70, rowY, { width: 70, align: 'right', lineBreak: false });
  });
  pdf.font('Helvetica').fontSize(7).fillColor('#555555').text(
    'Amounts are rounded to cents for display (half away from zero); the CSV export holds the exact amounts in nano-dollars. '
      + 'Unit prices are derived as amount / quantity: per million input + output tokens, per image, or per request.',
    MARGIN, y + 6 + entries.length * ROW_HEIGHT + 12, { width: pdf.page.width - 2 * MARGIN },
  );
}
