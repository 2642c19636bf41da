import Chip from '@mui/material/Chip';
import { useRecordContext } from 'react-admin';
import { humanize } from './choices';

type Tone = 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning';

/** Every status and state value the console shows, coloured so lists and queues read at a glance. */
const TONES: Record<string, Tone> = {
  // memberships, users, role assignments, invitations, API keys
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
  // outbox and background jobs
  sent: 'success',
  recorded: 'primary',
  queued: 'info',
  running: 'primary',
  completed: 'success',
  failed: 'error',
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
  // standings
  preferred: 'success',
  approved: 'primary',
  development: 'warning',
  probation: 'error',
  // plans and tasks
  in_progress: 'info',
  todo: 'default',
  doing: 'info',
  done: 'success',
  // charters and commitments
  superseded: 'default',
  on_track: 'success',
  at_risk: 'warning',
  met: 'success',
  missed: 'error',
  waived: 'default',
};

const LABELS: Record<string, string> = { todo: 'To do', doing: 'In progress' };

/** The words for a status value, as its chip shows them. */
export function stateLabel(value: string): string {
  return LABELS[value] ?? humanize(value);
}

/** The console's one chip for a status value. */
export function StateChip({ value, size = 'small' }: { value: string; size?: 'small' | 'medium' }) {
  return <Chip size={size} label={stateLabel(value)} color={TONES[value] ?? 'default'} variant="outlined" data-status={value} />;
}

/** The same chip as a field of the current record (lists, show pages). */
export function StatusChip({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const value = record?.[source];
  return typeof value === 'string' ? <StateChip value={value} /> : null;
}
