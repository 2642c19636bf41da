/**
 * The console's date formats, in the reader's locale (one format throughout: DateFields.tsx
 * for react-admin fields, these for text).
 */

/** A moment: date and minutes in the reader's locale and time zone, no seconds. */
export const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** A calendar day: read as the UTC day the API sent (YYYY-MM-DD), so no time zone moves it. */
export const DAY: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeZone: 'UTC' };

/** A date and time in the reader's own locale and time zone, as DateTimeField shows them. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, SHORT_DATE_TIME);
}

/** A calendar day (YYYY-MM-DD) in the reader's locale, as DayField shows it. */
export function formatDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, DAY);
}
