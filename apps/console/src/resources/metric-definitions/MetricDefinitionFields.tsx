import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { useRecordContext } from 'react-admin';
import type { MetricDefinition } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import Typography from '@mui/material/Typography';
import { compactRange, rangeHint } from '../../common/figures';

export function RangeField({ compact = false }: { label?: string; source?: string; compact?: boolean }) {
  const metric = useRecordContext<MetricDefinition>();
  if (!metric) return null;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: compact ? 'nowrap' : undefined }}>
      {compact ? compactRange(metric) : rangeHint(metric)}
    </Typography>
  );
}

export function ReportersField(_: { label?: string; source?: string }) {
  const metric = useRecordContext<MetricDefinition>();
  if (!metric) return null;
  return (
    <Stack direction="row" spacing={0.5}>
      {metric.reporters.map((r) => (
        <Chip key={r} size="small" label={humanize(r)} variant="outlined" />
      ))}
    </Stack>
  );
}

export function EnabledField(_: { label?: string; source?: string }) {
  const metric = useRecordContext<MetricDefinition>();
  if (!metric) return null;
  return <Chip size="small" label={metric.enabled ? 'Enabled' : 'Disabled'} color={metric.enabled ? 'success' : 'default'} variant="outlined" data-status={metric.enabled ? 'enabled' : 'disabled'} />;
}

/** "numerator ÷ denominator × 100" for ratios. */
export function RatioField(_: { label?: string; source?: string }) {
  const metric = useRecordContext<MetricDefinition>();
  if (!metric) return null;
  if (!metric.isRatio) return <span>—</span>;
  return (
    <span>
      {metric.numeratorLabel ?? 'numerator'} ÷ {metric.denominatorLabel ?? 'denominator'} × {(metric.ratioScale ?? 1).toLocaleString('en-US')}
    </span>
  );
}

/**
 * The metric's own frequency, and the one it is collected at in this consortium when they
 * differ (in a quarterly calendar OTD and PPM, monthly metrics, are reported per quarter).
 */
export function FrequencyField(_: { label?: string; source?: string }) {
  const m = useRecordContext<MetricDefinition>();
  if (!m) return null;
  return (
    <Typography variant="body2" component="span">
      {humanize(m.frequency)}
      {m.collectionFrequency !== m.frequency && (
        <Typography variant="caption" color="text.secondary" component="span" sx={{ display: 'block' }} data-testid={`collected-${m.code}`}>
          collected {m.collectionFrequency}
        </Typography>
      )}
    </Typography>
  );
}
