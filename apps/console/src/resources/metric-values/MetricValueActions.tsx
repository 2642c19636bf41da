import { useState } from 'react';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import DoneAll from '@mui/icons-material/DoneAll';
import HighlightOff from '@mui/icons-material/HighlightOff';
import Send from '@mui/icons-material/Send';
import { Button as RaButton, EditButton, useCanAccess, useDataProvider, useListContext, useNotify, useRecordContext, useRedirect, useRefresh, useUnselectAll } from 'react-admin';
import type { MetricValue, ValidateManyResult } from '@tandem/contracts';
import { canApplyValueAction } from '@tandem/domain';
import { errorMessage, postJson } from '../../common/api';
import { useIsReporter } from './useIsReporter';
import { ReasonDialog } from '../../common/ReasonDialog';

/**
 * After a decision on the show page, the next value of the validation queue opens (the
 * oldest submitted one), or the queue itself once it is empty.
 */
function useNextInQueue() {
  const dataProvider = useDataProvider();
  const redirect = useRedirect();
  return async (current: MetricValue) => {
    const { data } = await dataProvider.getList<MetricValue>('metric-values', {
      filter: { status: 'submitted' },
      sort: { field: 'submittedAt', order: 'ASC' },
      pagination: { page: 1, perPage: 2 },
    });
    const next = data.find((v) => v.id !== current.id);
    redirect(next ? `/metric-values/${next.id}/show` : `/metric-values`);
  };
}

/** Per-row (compact: an icon) and show page rejection for staff: submitted or validated values. */
export function RejectButton({ compact = false }: { compact?: boolean }) {
  const value = useRecordContext<MetricValue>();
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'validate' });
  const [open, setOpen] = useState(false);
  const notify = useNotify();
  const refresh = useRefresh();
  const openNext = useNextInQueue();
  if (!value || !canAccess || !canApplyValueAction(value.status, 'reject')) return null;
  const openDialog = (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    setOpen(true);
  };
  const reject = async (reason: string) => {
    await postJson(`/api/metric-values/${value.id}/reject`, { reason });
    notify(`${value.metricCode} of ${value.periodCode} rejected`, { type: 'success' });
    // In the queue the row leaves the list; on the value's page the next one opens.
    if (compact) refresh();
    else await openNext(value);
  };
  return (
    <>
      {compact ? (
        <Tooltip title="Reject with a reason">
          <IconButton size="small" color="error" aria-label="Reject" onClick={openDialog}>
            <HighlightOff fontSize="small" />
          </IconButton>
        </Tooltip>
      ) : (
        <RaButton label="Reject" color="error" onClick={openDialog}>
          <HighlightOff />
        </RaButton>
      )}
      {open && (
        <ReasonDialog
          title={`Reject ${value.metricCode} of ${value.periodCode}`}
          explanation="The firm sees the reason, fixes the value and submits it again."
          confirmLabel="Reject"
          color="error"
          onConfirm={reject}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

function useAction(path: 'submit' | 'validate', done: string, then?: (value: MetricValue) => Promise<void>) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [saving, setSaving] = useState(false);
  const run = async (value: MetricValue) => {
    setSaving(true);
    try {
      await postJson(`/api/metric-values/${value.id}/${path}`);
      notify(`${value.metricCode} of ${value.periodCode} ${done}`, { type: 'success' });
      if (then) await then(value);
      else refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return { run, saving };
}

/** Validate on the value's page; the next value of the queue opens. */
export function ValidateButton() {
  const value = useRecordContext<MetricValue>();
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'validate' });
  const openNext = useNextInQueue();
  const { run, saving } = useAction('validate', 'validated', openNext);
  if (!value || !canAccess || !canApplyValueAction(value.status, 'validate') || value.pendingRevision !== null) return null;
  return (
    <RaButton label="Validate" color="success" disabled={saving} onClick={() => void run(value)}>
      <CheckCircleOutline />
    </RaButton>
  );
}

/** The reporter submits a draft, or a rejected value after fixing it. */
export function SubmitButton() {
  const value = useRecordContext<MetricValue>();
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'write' });
  const reporter = useIsReporter(value);
  const { run, saving } = useAction('submit', 'submitted');
  if (!value || !canAccess || !reporter || !canApplyValueAction(value.status, 'submit')) return null;
  return (
    <RaButton label="Submit" disabled={saving} onClick={() => void run(value)}>
      <Send />
    </RaButton>
  );
}

/**
 * Edit for the value's reporter (and staff) only: a firm cannot change what a customer reported
 * about it. Nobody edits a value derived from training records (the API refuses it): the
 * records are changed instead, and the value follows.
 */
export function EditValueButton() {
  const value = useRecordContext<MetricValue>();
  const reporter = useIsReporter(value);
  return reporter && value?.source !== 'derived' ? <EditButton /> : null;
}

/** Bulk "Validate" of the validation queue: one request for every selected value. */
export function ValidateManyButton() {
  const { selectedIds, resource } = useListContext();
  const unselectAll = useUnselectAll(resource ?? 'metric-values');
  const notify = useNotify();
  const refresh = useRefresh();
  const [saving, setSaving] = useState(false);
  const validate = async () => {
    setSaving(true);
    try {
      const result = await postJson<ValidateManyResult>('/api/metric-values/validate-many', { ids: selectedIds });
      const skipped = result.skipped.length;
      const validated = `${result.validated.length} value${result.validated.length === 1 ? '' : 's'} validated`;
      notify(skipped ? `${validated}; ${skipped} skipped (${result.skipped.map((s) => s.reason).join('; ')})` : validated, { type: skipped ? 'warning' : 'success' });
      unselectAll();
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <RaButton label="Validate" disabled={saving || selectedIds.length === 0} onClick={() => void validate()}>
      <DoneAll />
    </RaButton>
  );
}
