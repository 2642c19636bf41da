import { useState } from 'react';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import { useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { Membership, MembershipStatus } from '@tandem/contracts';
import { allowedTransitions } from '@tandem/domain';
import { ReasonDialog } from '../../common/ReasonDialog';
import { postJson } from '../../common/api';

/** What a person clicks for each allowed move; the allowed moves come from libs/domain. */
export function transitionLabel(from: MembershipStatus, to: MembershipStatus): string {
  if (to === 'exited') return 'Exit';
  if (to === 'suspended') return 'Suspend';
  if (to === 'active') return from === 'suspended' ? 'Reinstate' : 'Activate';
  return to;
}

const COLOR: Record<string, 'primary' | 'success' | 'warning' | 'error'> = {
  Activate: 'success',
  Reinstate: 'success',
  Suspend: 'warning',
  Exit: 'error',
};

function TransitionDialog({
  membership,
  toStatus,
  label,
  onClose,
}: {
  membership: Membership;
  toStatus: MembershipStatus;
  label: string;
  onClose: () => void;
}) {
  const [effectiveDate, setEffectiveDate] = useState('');
  const notify = useNotify();
  const refresh = useRefresh();
  return (
    <ReasonDialog
      title={`${label} membership`}
      explanation={
        <>
          From <strong>{membership.status}</strong> to <strong>{toStatus}</strong>. The reason is kept in the membership history and the audit trail.
        </>
      }
      confirmLabel={label}
      color={COLOR[label] ?? 'primary'}
      onClose={onClose}
      onConfirm={async (reason) => {
        await postJson(`/api/memberships/${membership.id}/transition`, { toStatus, reason, ...(effectiveDate ? { effectiveDate } : {}) });
        notify(`Membership ${toStatus}`, { type: 'success' });
        refresh();
      }}
    >
      <TextField
        label="Effective date"
        name="effectiveDate"
        type="date"
        value={effectiveDate}
        onChange={(e) => setEffectiveDate(e.target.value)}
        helperText="Leave empty for today"
        slotProps={{ inputLabel: { shrink: true } }}
      />
    </ReasonDialog>
  );
}

/** Lifecycle buttons for the moves allowed from the current status, for users who may transition. */
export function MembershipTransitionButtons() {
  const membership = useRecordContext<Membership>();
  const { canAccess } = useCanAccess({ resource: 'memberships', action: 'transition' });
  const [target, setTarget] = useState<MembershipStatus | null>(null);
  if (!membership || !canAccess) return null;
  const moves = allowedTransitions(membership.status);
  return (
    <>
      {moves.map((to) => {
        const label = transitionLabel(membership.status, to);
        return (
          <Button key={to} size="small" variant="outlined" color={COLOR[label] ?? 'primary'} onClick={() => setTarget(to)}>
            {label}
          </Button>
        );
      })}
      {target && (
        <TransitionDialog
          membership={membership}
          toStatus={target}
          label={transitionLabel(membership.status, target)}
          onClose={() => setTarget(null)}
        />
      )}
    </>
  );
}
