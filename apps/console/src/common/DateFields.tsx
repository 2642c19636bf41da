import { DateField, type DateFieldProps } from 'react-admin';
import { DAY, SHORT_DATE_TIME } from './formatDate';

type Props = Omit<DateFieldProps, 'showTime' | 'showDate' | 'options' | 'locales'>;

/**
 * The console's one way of showing a calendar day (a due date, a start, "since"): the
 * reader's locale, medium style ("Dec 6, 2026"), never shifted across time zones (the API's
 * YYYY-MM-DD is read as a UTC day). react-admin's DateField is not used directly (lint).
 */
export function DayField(props: Props) {
  return <DateField {...props} options={DAY} />;
}

/** The console's one way of showing a moment (created, submitted, sent): the reader's locale and time zone, to the minute. */
export function DateTimeField(props: Props) {
  return <DateField {...props} showTime options={SHORT_DATE_TIME} />;
}
