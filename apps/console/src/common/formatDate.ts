/** Date and minutes in the reader's locale, no seconds (also DateField options for list columns). */
export const SHORT_DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** A date and time in the reader's own locale and time zone, as react-admin's DateField shows them. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, SHORT_DATE_TIME);
}
