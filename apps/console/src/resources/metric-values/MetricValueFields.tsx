import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import WarningAmber from '@mui/icons-material/WarningAmber';
import { useRecordContext } from 'react-admin';
import type { MetricValue } from '@tandem/contracts';
import { FirmName } from '../../common/FirmName';
import { formatFigure, formatImprovement } from '../../common/figures';

/** The figure, with its raw numerator/denominator for ratios. */
export function FigureField(_: { label?: string; source?: string }) {
  const value = useRecordContext<MetricValue>();
  if (!value) return null;
  return (
    <Box>
      <Typography variant="body2" component="span" sx={{ fontWeight: 500 }}>
        {formatFigure(value.value)}
      </Typography>
      {value.numerator !== null && value.denominator !== null && (
        <Typography variant="caption" color="text.secondary" component="div">
          {formatFigure(value.numerator)} / {formatFigure(value.denominator)}
        </Typography>
      )}
    </Box>
  );
}

export function OutlierField(_: { label?: string; source?: string }) {
  const value = useRecordContext<MetricValue>();
  if (!value?.outlier) return null;
  return (
    <Tooltip title={value.outlierNote ?? 'Flagged for review'}>
      <WarningAmber color="warning" fontSize="small" aria-label="Outlier" data-testid="outlier-flag" />
    </Tooltip>
  );
}

/** The metric code; a customer's report about the firm says which customer. */
export function MetricField(_: { label?: string; source?: string }) {
  const value = useRecordContext<MetricValue>();
  if (!value) return null;
  return (
    <Box>
      <Typography variant="body2" component="span">
        {value.metricCode}
      </Typography>
      {value.customerId && (
        <Typography variant="caption" color="text.secondary" component="div">
          by <FirmName source="customerId" />
        </Typography>
      )}
    </Box>
  );
}

/** "Self" or the customer that reported the figure. */
export function ReportedByField(_: { label?: string; source?: string }) {
  const value = useRecordContext<MetricValue>();
  if (!value) return null;
  return value.customerId ? (
    <FirmName source="customerId" />
  ) : (
    <Typography variant="body2" component="span">
      Self
    </Typography>
  );
}

/** Signed, oriented so that positive is better: green when better, red when worse. */
export function ImprovementField(_: { label?: string; source?: string }) {
  const value = useRecordContext<MetricValue>();
  const n = value?.improvementSinceBaseline;
  if (n === null || n === undefined) return <Typography variant="body2">—</Typography>;
  return (
    <Typography variant="body2" component="span" sx={{ color: n > 0 ? 'success.main' : n < 0 ? 'error.main' : 'text.primary' }}>
      {formatImprovement(n)}
    </Typography>
  );
}

/** Positive: still short of the goal; zero or less: reached. */
export function DistanceToGoalField(_: { label?: string; source?: string }) {
  const value = useRecordContext<MetricValue>();
  const n = value?.distanceToGoal;
  if (n === null || n === undefined) return <Typography variant="body2">—</Typography>;
  if (n <= 0) {
    return (
      <Typography variant="body2" component="span" sx={{ color: 'success.main' }}>
        reached
      </Typography>
    );
  }
  return (
    <Typography variant="body2" component="span">
      {formatFigure(n, 1)} to go
    </Typography>
  );
}
