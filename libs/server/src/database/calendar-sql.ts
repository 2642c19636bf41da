/**
 * SQL twin of libs/domain periods/calendar.ts `isCollectedIn`, for the raw statements that
 * decide what a firm owes for a period (a period's completeness in the API, reminders in the
 * worker): in a quarterly calendar every metric is collected per quarter; in a monthly one,
 * monthly metrics per month and quarterly ones per quarter. Each argument is a SQL
 * expression: the consortium's "reportingCalendar", the metric's frequency, the period's kind.
 */
export function collectedInSql(calendar: string, frequency: string, kind: string): string {
  return `((CASE WHEN ${calendar} = 'quarterly' THEN 'quarterly' ELSE ${frequency}::text END) = (CASE ${kind} WHEN 'month' THEN 'monthly' ELSE 'quarterly' END))`;
}
