import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import { humanize } from './choices';

type Tone = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

const TONES: Record<string, Tone> = {
  active: 'success',
  applicant: 'info',
  pending: 'warning',
  accepted: 'success',
  declined: 'default',
  revoked: 'default',
  expired: 'default',
  suspended: 'warning',
  exited: 'default',
  disabled: 'default',
  sent: 'success',
  recorded: 'primary',
  failed: 'error',
  queued: 'info',
  running: 'primary',
  completed: 'success',
};

/** A coloured chip for a status-like field, so states read at a glance in lists. */
export function StatusChip({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const value = record?.[source];
  if (typeof value !== 'string') return null;
  return <Chip size="small" label={humanize(value)} color={TONES[value] ?? 'default'} variant="outlined" data-status={value} />;
}
