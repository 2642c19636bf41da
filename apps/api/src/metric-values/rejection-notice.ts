/**
 * The e-mail a firm gets when staff reject one of its figures. It goes to the firm that
 * reported the value (the supplier for its own figures, the customer for a report about a
 * supplier) and carries only what that firm may read: its own value and the reason — never
 * who at the consortium decided, nor anyone else's figures.
 */
export interface RejectedValue {
  id: string;
  metricCode: string;
  metricName: string;
  unit: string;
  periodCode: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  /** the supplier a customer's report is about; null for a firm's own figure */
  aboutName: string | null;
  reason: string;
}

export function rejectionNotice(v: RejectedValue, consoleUrl: string): { subject: string; text: string } {
  const figures = v.numerator !== null && v.denominator !== null ? `${v.value} ${v.unit} (${v.numerator} ÷ ${v.denominator})` : `${v.value} ${v.unit}`;
  const lines = [
    'Hello,',
    '',
    'consortium staff returned a figure your organisation reported, with this reason:',
    '',
    `  ${v.reason}`,
    '',
    `  Metric:  ${v.metricCode} — ${v.metricName}`,
    `  Period:  ${v.periodCode}`,
    ...(v.aboutName ? [`  About:   ${v.aboutName}`] : []),
    `  Value:   ${figures}`,
    '',
    `Correct it and submit it again: ${consoleUrl}/#/metric-values/${v.id}/show`,
    '',
  ];
  return { subject: `Figure returned: ${v.metricCode} ${v.periodCode}`, text: lines.join('\n') };
}
