/**
 * The API sends money as exact dollar strings with up to 9 decimals ("12.345000000"). For display they
 * are cut to cents, or to the first significant digits for sub-cent amounts, without going through a
 * float, so what is shown is never a rounding artefact.
 */
export function formatDollars(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = fraction.replace(/0+$/, '');
  // Below a cent, keep digits up to the first two significant ones so tiny costs do not read as $0.00.
  const firstSignificant = digits.search(/[1-9]/);
  const keep = whole === '0' && firstSignificant >= 2 ? Math.min(firstSignificant + 2, 9) : 2;
  const shown = digits.slice(0, keep).padEnd(2, '0');
  return `${negative ? '-' : ''}$${grouped}.${shown}`;
}

/** A share of a limit for bars and percentages; display only, never for sums. */
export function ratio(part: string, whole: string): number {
  const total = Number(whole);
  return total > 0 ? Number(part) / total : 0;
}

/** An amount as a person would type it back into a form: "25.000000000" -> "25.00", "0.004500000" -> "0.0045". */
export function editableDollars(amount: string): string {
  return amount.replace(/(\.\d\d\d*?)0+$/, '$1');
}
