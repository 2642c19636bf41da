import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import { humanize } from '../common/choices';

type Tone = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

/** Workflow states of supplier performance, coloured so a queue reads at a glance. */
const TONES: Record<string, Tone> = {
  // metric values
  draft: 'default',
  submitted: 'info',
  validated: 'success',
  rejected: 'error',
  // periods
  open: 'info',
  closed: 'warning',
  published: 'success',
  // imports
  uploaded: 'default',
  parsing: 'info',
  parsed: 'primary',
  committing: 'info',
  committed: 'success',
  cancelled: 'default',
  failed: 'error',
  // standings
  preferred: 'success',
  approved: 'primary',
  development: 'warning',
  probation: 'error',
  // plans and tasks
  in_progress: 'info',
  completed: 'success',
  todo: 'default',
  doing: 'info',
  done: 'success',
};

const LABELS: Record<string, string> = { todo: 'To do', doing: 'In progress' };

export function stateLabel(value: string): string {
  return LABELS[value] ?? humanize(value);
}

/** A chip for a known state value. */
export function StateChip({ value, size = 'small' }: { value: string; size?: 'small' | 'medium' }) {
  return <Chip size={size} label={stateLabel(value)} color={TONES[value] ?? 'default'} variant="outlined" data-status={value} />;
}

/** The same chip as a field of the current record (lists, show pages). */
export function StateField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const value = record?.[source];
  return typeof value === 'string' ? <StateChip value={value} /> : null;
}
