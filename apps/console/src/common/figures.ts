import type { MetricDefinition } from '@tandem/contracts';
import { rangeText } from '@tandem/domain';

/** Figures as people read them: grouped thousands, at most 3 decimals. */
export function formatFigure(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** "%" reads glued to the number; other units after a space. */
export function withUnit(value: number | null | undefined, unit: string | undefined, digits = 3): string {
  const text = formatFigure(value, digits);
  if (text === '—' || !unit) return text;
  return unit.trim().startsWith('%') ? `${text} ${unit}`.replace(' %', '%') : `${text} ${unit}`;
}

/** "0–100 %" style hint of a metric's valid range, or "any value". */
export function rangeHint(metric: Pick<MetricDefinition, 'minValue' | 'maxValue' | 'unit'>): string {
  return rangeText(metric) ?? 'any value';
}

/**
 * improvementSinceBaseline in words: the API orients it so that positive is better whatever
 * the metric's direction, so PPM 246 → 172 reads "30.1 % better", never "+30 %" (more defects).
 */
export function formatImprovement(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value === 0) return 'unchanged';
  return `${Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 1 })} % ${value > 0 ? 'better' : 'worse'}`;
}

/** "0–100", "≥ 0", "≤ 365" or "any": the range without its unit, for tables. */
export function compactRange(metric: Pick<MetricDefinition, 'minValue' | 'maxValue'>): string {
  const { minValue: min, maxValue: max } = metric;
  if (min !== null && max !== null) return `${formatFigure(min)}–${formatFigure(max)}`;
  if (min !== null) return `≥ ${formatFigure(min)}`;
  if (max !== null) return `≤ ${formatFigure(max)}`;
  return 'any';
}
