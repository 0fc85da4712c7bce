import { formatDollars } from '../billing/money';
import type { DraftLine } from './invoice-draft';

/**
 * Display rounding for the PDF: half away from zero to `decimals` places. Only for people to read;
 * the stored amounts and the CSV stay exact to the nano-dollar, so rounded lines may not add up to
 * the rounded total by a cent.
 */
export function formatRounded(nano: bigint, decimals: number): string {
  const step = 10n ** BigInt(9 - decimals);
  const abs = nano < 0n ? -nano : nano;
  const rounded = ((abs + step / 2n) / step) * step;
  const text = formatDollars(nano < 0n ? -rounded : rounded);
  return decimals === 0 ? text.slice(0, -10) : text.slice(0, text.length - (9 - decimals));
}

/** "1234.56" -> "1,234.56" (cents, grouped). */
export function formatCents(nano: bigint): string {
  const [whole, cents] = formatRounded(nano, 2).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

export function formatCount(value: bigint): string {
  return value.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * A line's effective unit price, derived as amount / quantity where a quantity explains it: per
 * million tokens (input + output, blended) when the line has tokens, else per image, else per
 * request. Four decimals, more when that would show a real price as zero (sub-cent prices are common).
 */
export function unitPrice(line: DraftLine): string {
  const tokens = line.inputTokens + line.outputTokens;
  if (tokens > 0n) return `${formatUnit((line.amountNano * 1_000_000n) / tokens)} /1M tok`;
  if (line.images > 0n) return `${formatUnit(line.amountNano / line.images)} /image`;
  if (line.requests > 0n) return `${formatUnit(line.amountNano / line.requests)} /request`;
  return '';
}

function formatUnit(nano: bigint): string {
  if (nano === 0n || nano >= 50_000n) return formatRounded(nano, 4);
  return formatDollars(nano).replace(/0+$/, '');
}
