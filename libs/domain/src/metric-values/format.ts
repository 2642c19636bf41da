/** Decimals the database keeps of a figure (numeric(18,6), numeric(20,6)). */
export const DECIMALS = 6;

/** Rounded to the 6 decimals the database keeps, so comparisons match what is stored. */
export function round6(n: number): number {
  const f = 10 ** DECIMALS;
  return Math.round(n * f) / f;
}

/** 10000 → "10,000"; 0.5 → "0.5"; at most 6 decimals. */
export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: DECIMALS });
}
