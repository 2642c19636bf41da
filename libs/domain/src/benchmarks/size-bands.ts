/**
 * Size bands of benchmarks.md (employees). The band of a firm is a peer group; the seed, the
 * worker's SQL and the console all take the bands from here.
 */
export interface SizeBand {
  code: string;
  label: string;
  min: number;
  /** inclusive; null = no upper bound */
  max: number | null;
}

export const SIZE_BANDS: readonly SizeBand[] = [
  { code: '1-19', label: '1–19 employees', min: 1, max: 19 },
  { code: '20-99', label: '20–99 employees', min: 20, max: 99 },
  { code: '100-499', label: '100–499 employees', min: 100, max: 499 },
  { code: '500+', label: '500+ employees', min: 500, max: null },
];

/** The band of a head count; null when unknown or below one employee. */
export function sizeBandOf(employees: number | null | undefined): SizeBand | null {
  if (employees === null || employees === undefined || !Number.isFinite(employees)) return null;
  return SIZE_BANDS.find((b) => employees >= b.min && (b.max === null || employees <= b.max)) ?? null;
}

/** The same rule as a SQL expression over an integer column, so the worker's groups agree with sizeBandOf. */
export function sizeBandSql(column: string): string {
  const arms = SIZE_BANDS.map((b) => `WHEN ${column} >= ${b.min}${b.max === null ? '' : ` AND ${column} <= ${b.max}`} THEN '${b.code}'`).join(' ');
  return `(CASE ${arms} END)`;
}
