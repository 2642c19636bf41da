import { ReferenceField, TextField, useRecordContext } from 'react-admin';
import type { ScorecardCriterion, ScorecardTemplate, ScorecardThreshold } from '@tandem/contracts';
import { FirmName } from '../../common/FirmName';
import { stateLabel } from '../../common/StatusChip';

/** "≥ 98 → 100, ≥ 95 → 80, …" in the order the thresholds are evaluated. */
export function thresholdsText(thresholds: readonly ScorecardThreshold[]): string {
  return thresholds.map((t) => ('atLeast' in t ? `≥ ${t.atLeast} → ${t.score}` : `≤ ${t.atMost} → ${t.score}`)).join(', ');
}

export function ThresholdsField(_: { label?: string }) {
  const c = useRecordContext<ScorecardCriterion>();
  return c ? <span>{thresholdsText(c.thresholds)}</span> : null;
}

export function MetricCodeField(_: { label?: string }) {
  return (
    <ReferenceField source="metricId" reference="metric-definitions" link={false}>
      <TextField source="code" />
    </ReferenceField>
  );
}

export function StandingsField(_: { label?: string; source?: string }) {
  const t = useRecordContext<ScorecardTemplate>();
  if (!t) return null;
  return <span>{t.standings.map((s) => `${stateLabel(s.standing)} ≥ ${s.minScore}`).join(' · ')}</span>;
}

/** "Consortium" or the customer whose own template it is. */
export function TemplateScopeField(_: { label?: string; source?: string }) {
  const t = useRecordContext<ScorecardTemplate>();
  if (!t) return null;
  return t.customerId ? <FirmName source="customerId" /> : <span>Consortium</span>;
}
