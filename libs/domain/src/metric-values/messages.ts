import { formatNumber } from './format';

/**
 * Every message of the rules of a reported figure, as a template with named slots. The API
 * fills them in JS (fillMessage); the CSV import fills the metric's slots once per metric in
 * JS and the row's own slots in SQL (`replace(template, '{value}', …)` with formatNumber's
 * SQL twin), so both read exactly alike.
 *
 * Slots of the metric (ruleSlots): {code} {unit} {range} {numLabel} {denLabel} {scale} {factor}.
 * Slots of a row: {value} {num} {den} {computed} {prev} {period} {raw}, and {who} {reporters}
 * {missing} {limit} where a message needs them.
 */
export const VALUE_MESSAGES = {
  disabled: "{code} is disabled in this consortium's catalogue",
  derived: '{code} is derived from training records and cannot be reported',
  wrongReporter: '{code} cannot be reported by {who}; it is reported by: {reporters}',
  monthOfQuarterly: '{code} is reported quarterly; {period} is a month',
  range: '{code} must be {range}; got {value}',
  notANumber: 'must be a number without units; got "{raw}"',
  notFinite: 'must be a finite number; got {raw}',
  finite: 'must be a finite number',
  tooLarge: 'must be smaller than {limit} in magnitude',
  notRatio: '{code} is not a ratio: send its value only, without numerator and denominator',
  valueRequired: 'is required for {code}',
  valueOrPairRequired: 'is required for {code} (or its numerator and denominator)',
  pairIncomplete: '{code}: numerator and denominator come together; {missing} is missing',
  denominatorPositive: '{code}: denominator ({denLabel}) must be greater than 0; got {den}',
  numeratorNegative: '{code}: numerator ({numLabel}) must not be negative; got {num}',
  numeratorExceeds: '{code}: numerator ({numLabel}) must not exceed denominator ({denLabel}); got {num} > {den}',
  mismatch: '{code}: value {value} does not match numerator ÷ denominator × {scale} = {computed}',
  outlier: '{code} moved from {prev} in {period} to {value} {unit}, more than {factor}× its previous value; accepted and flagged for review',
} as const;

export type ValueMessage = keyof typeof VALUE_MESSAGES;

export type Slots = Readonly<Record<string, string | number | null | undefined>>;

/**
 * The template with the given slots filled (numbers as formatNumber writes them); slots not
 * given stay as they are, for a later fill (the import's SQL). One pass: a filled-in value
 * that itself looks like a slot is not filled again.
 */
export function fillMessage(template: string, slots: Slots): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = slots[name];
    if (v === undefined || v === null) return whole;
    return typeof v === 'number' ? formatNumber(v) : v;
  });
}

export function valueMessage(kind: ValueMessage, slots: Slots): string {
  return fillMessage(VALUE_MESSAGES[kind], slots);
}
