import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { usePhone } from '../../../common/ResponsiveList';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import SaveOutlined from '@mui/icons-material/SaveOutlined';
import Send from '@mui/icons-material/Send';
import { Confirm, Link, Title, useCanAccess, useGetIdentity, useGetList, useGetOne, useNotify, usePermissions } from 'react-admin';
import type { MetricDefinition, MetricValue, Organisation, Period, SupplyRelationship } from '@tandem/contracts';
import type { TandemPermissions } from '../../../providers/authProvider';
import { errorMessage, fieldErrors, postJson, sendJson } from '../../../common/api';
import { rangeHint } from '../../../common/figures';
import { StateChip } from '../../../common/StatusChip';
import { RecordPicker } from './RecordPicker';
import { checkDraft, draftOf, figuresOf, isEmptyDraft, isLocked, metricsFor, previewRatio, sameDraft, type Draft, type RowError, type Side } from './entryModel';

const ROW_FIELDS = ['value', 'numerator', 'denominator', 'note'];

/** Field errors on the inputs, the rest (and the detail when no field is named) on the row. */
function rowErrorOf(error: unknown): RowError {
  const all = fieldErrors(error);
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(all)) {
    if (ROW_FIELDS.includes(field)) fields[field] = message;
    else other.push(message);
  }
  const message = other.length ? other.join('; ') : Object.keys(fields).length ? undefined : errorMessage(error);
  return { fields, message };
}

interface Subject {
  id: string;
  name: string;
}

/** The suppliers a buyer reports about: its supply relationships (a buyer has a handful). */
function useSuppliersOf(customerId: string | undefined): Subject[] {
  const relationships = useGetList<SupplyRelationship>(
    'supply-relationships',
    { filter: { customerId }, pagination: { page: 1, perPage: 200 }, sort: { field: 'since', order: 'ASC' } },
    { enabled: Boolean(customerId) },
  );
  return useMemo<Subject[]>(() => (relationships.data ?? []).map((r) => ({ id: r.supplierId, name: r.supplierName })), [relationships.data]);
}

function EntryRow({
  metric,
  draft,
  existing,
  error,
  disabled,
  onChange,
  onLeave,
  compact,
}: {
  metric: MetricDefinition;
  draft: Draft;
  existing: MetricValue | undefined;
  error: RowError | undefined;
  disabled: boolean;
  onChange: (draft: Draft) => void;
  /** a field of the row lost focus: the row is checked */
  onLeave: () => void;
  /** a phone: a card instead of a table row */
  compact: boolean;
}) {
  const locked = isLocked(existing);
  const preview = previewRatio(metric, draft);
  const ratioGiven = metric.isRatio && (draft.numerator.trim() !== '' || draft.denominator.trim() !== '');
  const input = (field: keyof Draft, label: string, width: number | string, extra: { placeholder?: string; multiline?: boolean; helper?: string } = {}) => (
    <TextField
      size="small"
      value={field === 'value' && ratioGiven ? (preview === null ? '' : String(preview)) : draft[field]}
      onChange={(e) => onChange({ ...draft, [field]: e.target.value })}
      onBlur={field === 'note' ? undefined : onLeave}
      disabled={disabled || locked || (field === 'value' && ratioGiven)}
      error={Boolean(error?.fields[field])}
      helperText={error?.fields[field] ?? extra.helper ?? ' '}
      placeholder={extra.placeholder}
      multiline={extra.multiline}
      maxRows={3}
      sx={{ width }}
      slotProps={{ htmlInput: { 'aria-label': `${metric.code} ${label}`, inputMode: field === 'note' ? 'text' : 'decimal' } }}
    />
  );
  const about = (
    <>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {metric.code}
      </Typography>
      <Typography variant="body2">{metric.name}</Typography>
      <Typography variant="caption" color="text.secondary">
        {metric.unit} · {rangeHint(metric)} · {metric.direction === 'higher' ? 'higher' : 'lower'} is better
      </Typography>
      {error?.message && (
        <Alert severity="error" sx={{ mt: 1, py: 0 }} data-testid={`entry-error-${metric.code}`}>
          {error.message}
        </Alert>
      )}
    </>
  );
  const value = input('value', 'value', compact ? '100%' : 140, {
    placeholder: ratioGiven ? '' : metric.unit,
    helper: ratioGiven ? `computed (${metric.unit})` : undefined,
  });
  const ratio = metric.isRatio ? (
    <Stack direction="row" spacing={1}>
      <Tooltip title={metric.numeratorLabel ?? 'numerator'}>{input('numerator', 'numerator', compact ? '50%' : 130, { placeholder: 'numerator' })}</Tooltip>
      <Tooltip title={metric.denominatorLabel ?? 'denominator'}>{input('denominator', 'denominator', compact ? '50%' : 130, { placeholder: 'denominator' })}</Tooltip>
    </Stack>
  ) : compact ? null : (
    <Typography variant="caption" color="text.secondary">
      —
    </Typography>
  );
  const note = input('note', 'note', compact ? '100%' : 220, { multiline: true });
  const status = existing ? (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <StateChip value={existing.status} />
      {existing.outlier && (
        <Tooltip title={existing.outlierNote ?? 'Flagged for staff review'}>
          <Chip size="small" color="warning" label="Outlier" data-testid={`outlier-${metric.code}`} />
        </Tooltip>
      )}
      {locked && (
        <Link to={`/metric-values/${existing.id}`} variant="caption" data-testid={`revise-${metric.code}`}>
          Change (a revision with a reason)
        </Link>
      )}
      {existing.status === 'rejected' && existing.rejectionReason && (
        <Typography variant="caption" color="error">
          {existing.rejectionReason}
        </Typography>
      )}
    </Stack>
  ) : (
    <Typography variant="caption" color="text.secondary">
      not reported
    </Typography>
  );
  const marks = { 'data-testid': `entry-row-${metric.code}`, 'data-error': error ? 'true' : 'false' };
  const tint = error ? { bgcolor: 'rgba(211, 47, 47, 0.04)' } : {};
  if (compact) {
    // On a phone: one metric per card, its inputs one under the other.
    return (
      <Card variant="outlined" {...marks} sx={{ p: 1.5, display: 'flex', flexDirection: 'column', gap: 1, ...tint }}>
        <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
          <Box sx={{ minWidth: 0 }}>{about}</Box>
          {status}
        </Box>
        {value}
        {ratio}
        {note}
      </Card>
    );
  }
  return (
    <TableRow {...marks} sx={{ verticalAlign: 'top', ...tint }}>
      <TableCell sx={{ minWidth: 220 }}>{about}</TableCell>
      <TableCell>{value}</TableCell>
      <TableCell>{ratio}</TableCell>
      <TableCell>{note}</TableCell>
      <TableCell sx={{ minWidth: 130 }}>{status}</TableCell>
    </TableRow>
  );
}

/**
 * The period entry grid: every metric a firm (or a buyer, about one supplier) reports for one
 * open period on one screen. Each row is saved on its own, so one range error does not hold
 * the other rows back; the API's messages appear on the row they concern.
 */
export function PeriodEntryGrid() {
  const { permissions } = usePermissions<TandemPermissions>();
  const { identity } = useGetIdentity();
  const { canAccess, isPending: accessPending } = useCanAccess({ resource: 'metric-values', action: 'create' });
  const notify = useNotify();
  const compact = usePhone();
  const [params, setParams] = useSearchParams();
  const role = permissions?.role;
  const staff = role === 'consortium_staff' || role === 'platform_admin';
  const side: Side = role === 'customer_buyer' ? 'customer' : 'supplier';
  const ownOrganisationId = identity?.organisationId as string | undefined;

  const periodId = params.get('periodId') ?? '';
  const chosenSubject = params.get('organisationId') ?? '';
  const subjectId = side === 'supplier' && !staff ? (ownOrganisationId ?? '') : chosenSubject;

  // Whether anything is open at all, and the open period due soonest (preselected); the picker searches the open periods itself.
  const openPeriods = useGetList<Period>('periods', { filter: { state: 'open' }, pagination: { page: 1, perPage: 1 }, sort: { field: 'dueOn', order: 'ASC' } });
  const dueSoonest = openPeriods.data?.[0]?.id;
  const chosenPeriod = useGetOne<Period>('periods', { id: periodId }, { enabled: Boolean(periodId) });
  const period = chosenPeriod.data?.state === 'open' ? chosenPeriod.data : undefined;
  const definitions = useGetList<MetricDefinition>('metric-definitions', { filter: { enabled: true }, pagination: { page: 1, perPage: 200 }, sort: { field: 'code', order: 'ASC' } });
  const suppliers = useSuppliersOf(side === 'customer' ? ownOrganisationId : undefined);
  const chosenFirm = useGetOne<Organisation>('organisations', { id: chosenSubject }, { enabled: staff && Boolean(chosenSubject) });
  const ready = Boolean(period && subjectId && (side === 'supplier' || ownOrganisationId));
  const valueFilter =
    side === 'customer' ? { periodId, organisationId: subjectId, customerId: ownOrganisationId } : { periodId, organisationId: subjectId, customerReported: false };
  const values = useGetList<MetricValue>('metric-values', { filter: valueFilter, pagination: { page: 1, perPage: 200 }, sort: { field: 'createdAt', order: 'ASC' } }, { enabled: ready });

  const [edits, setEdits] = useState<Record<string, Draft>>({});
  const [errors, setErrors] = useState<Record<string, RowError>>({});
  const [saving, setSaving] = useState(false);

  const metrics = useMemo(() => metricsFor(definitions.data ?? [], side, period), [definitions.data, side, period]);
  const byMetric = useMemo(() => new Map((values.data ?? []).map((v) => [v.metricId, v])), [values.data]);

  const choose = (key: 'periodId' | 'organisationId', id: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set(key, id);
    else next.delete(key);
    setParams(next, { replace: true });
    setEdits({});
    setErrors({});
  };

  useEffect(() => {
    if (periodId || !dueSoonest) return;
    const next = new URLSearchParams(params);
    next.set('periodId', dueSoonest);
    setParams(next, { replace: true });
  }, [periodId, dueSoonest, params, setParams]);

  const draftFor = (metricId: string) => edits[metricId] ?? draftOf(byMetric.get(metricId));

  /** The row's own rules, checked in the browser with the API's messages as a field is left. */
  const checkRow = (metric: MetricDefinition) => {
    const fields = checkDraft(metric, draftFor(metric.id));
    setErrors((current) => {
      const next = { ...current };
      if (Object.keys(fields).length) next[metric.id] = { fields };
      else delete next[metric.id];
      return next;
    });
  };

  const [confirming, setConfirming] = useState(false);
  /** Metrics of the period that would still have no submitted or validated value after this submit. */
  const unreportedAfterSubmit = metrics.filter((m) => {
    const existing = byMetric.get(m.id);
    if (isLocked(existing)) return false;
    const draft = draftFor(m.id);
    return isEmptyDraft({ ...draft, note: '' }) || Object.keys(checkDraft(m, draft)).length > 0;
  });

  async function save(submit: boolean) {
    if (!period) return;
    setSaving(true);
    const nextErrors: Record<string, RowError> = {};
    const saved: string[] = [];
    let count = 0;
    for (const metric of metrics) {
      const existing = byMetric.get(metric.id);
      const edited = edits[metric.id];
      const changed = edited !== undefined && !sameDraft(edited, draftOf(existing));
      try {
        if (!changed) {
          if (submit && existing && (existing.status === 'draft' || existing.status === 'rejected')) {
            await postJson(`/api/metric-values/${existing.id}/submit`);
            count += 1;
          }
          saved.push(metric.id);
          continue;
        }
        if (!existing && isEmptyDraft(edited)) {
          saved.push(metric.id);
          continue;
        }
        const { figures, errors: local } = figuresOf(metric, edited);
        const checked = figures ? checkDraft(metric, edited) : local;
        if (!figures || Object.keys(checked).length) {
          nextErrors[metric.id] = { fields: checked };
          continue;
        }
        const note = edited.note.trim() === '' ? null : edited.note.trim();
        if (existing) {
          await sendJson('PUT', `/api/metric-values/${existing.id}`, { revision: existing.revision, ...figures, note, submit });
        } else {
          await postJson('/api/metric-values', {
            metricId: metric.id,
            periodId: period.id,
            ...(staff || side === 'customer' ? { organisationId: subjectId } : {}),
            ...figures,
            ...(note ? { note } : {}),
            submit,
          });
        }
        count += 1;
        saved.push(metric.id);
      } catch (error) {
        nextErrors[metric.id] = rowErrorOf(error);
      }
    }
    setEdits((current) => {
      const next = { ...current };
      for (const id of saved) delete next[id];
      return next;
    });
    setErrors(nextErrors);
    await values.refetch();
    setSaving(false);
    const failed = Object.keys(nextErrors).length;
    const done = submit ? `${count} value${count === 1 ? '' : 's'} submitted` : `${count} value${count === 1 ? '' : 's'} saved as draft`;
    if (failed) notify(`${done}; ${failed} row${failed === 1 ? ' needs' : 's need'} fixing`, { type: 'warning' });
    else notify(count ? done : 'Nothing to save', { type: count ? 'success' : 'info' });
  }

  if (accessPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (!canAccess) {
    return (
      <Alert severity="info" sx={{ mt: 2 }}>
        Your role does not report figures.
      </Alert>
    );
  }

  const submittedCount = (values.data ?? []).filter((v) => v.status !== 'draft').length;
  const row = (metric: MetricDefinition) => (
    <EntryRow
      key={metric.id}
      metric={metric}
      draft={draftFor(metric.id)}
      existing={byMetric.get(metric.id)}
      error={errors[metric.id]}
      disabled={saving || values.isPending}
      onChange={(draft) => setEdits((current) => ({ ...current, [metric.id]: draft }))}
      onLeave={() => checkRow(metric)}
      compact={compact}
    />
  );
  const none = (
    <Typography variant="body2" color="text.secondary">
      No enabled metric is reported {side === 'customer' ? 'by customers' : 'by firms'} for a {period?.kind ?? 'period'}.
    </Typography>
  );
  const subjectName = side === 'customer' ? suppliers.find((s) => s.id === subjectId)?.name : staff ? chosenFirm.data?.name : 'your organisation';

  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="period-entry">
      <Title title={side === 'customer' ? 'Report about a supplier' : 'Enter a period'} />
      <Card>
        <CardContent sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <RecordPicker<Period>
            resource="periods"
            label="Period"
            selected={period}
            onChange={(id) => choose('periodId', id)}
            filter={{ state: 'open' }}
            sort={{ field: 'startsOn', order: 'DESC' }}
            optionText={(p) => p.code}
            width={300}
            helperText={period ? `${period.startsOn} – ${period.endsOn} · due ${period.dueOn}` : 'Open periods only, latest first; type to search'}
          />
          {side === 'customer' && (
            <TextField
              select
              label="Supplier"
              value={suppliers.some((s) => s.id === subjectId) ? subjectId : ''}
              onChange={(e) => choose('organisationId', e.target.value)}
              fullWidth={false}
              sx={{ width: 320, maxWidth: '100%' }}
              helperText="Your suppliers (supply relationships)"
            >
              {suppliers.map((s) => (
                <MenuItem key={s.id} value={s.id}>
                  {s.name}
                </MenuItem>
              ))}
            </TextField>
          )}
          {side === 'supplier' && staff && (
            <RecordPicker<Organisation>
              resource="organisations"
              label="Organisation"
              selected={chosenFirm.data}
              onChange={(id) => choose('organisationId', id)}
              filter={{ kind: 'supplier' }}
              sort={{ field: 'name', order: 'ASC' }}
              optionText={(o) => o.name}
              width={320}
              helperText="The member firm whose figures you enter"
            />
          )}
          <Box sx={{ flex: 1 }} />
          {ready && (
            <Typography variant="body2" color="text.secondary" sx={{ alignSelf: 'center' }} data-testid="entry-summary">
              {metrics.length} metrics · {submittedCount} submitted or validated · {subjectName ?? ''}
            </Typography>
          )}
        </CardContent>
      </Card>

      {openPeriods.total === 0 && <Alert severity="info">No period is open for reporting.</Alert>}
      {!ready && Boolean(openPeriods.total) && (
        <Alert severity="info">{side === 'customer' && !subjectId ? 'Choose a period and the supplier you report about.' : staff && !subjectId ? 'Choose a period and a member firm.' : 'Choose an open period.'}</Alert>
      )}

      {ready && (
        <Card>
          {(values.isFetching || saving) && <LinearProgress />}
          {compact ? (
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, p: 1.5 }} aria-label="Metrics of the period">
              {metrics.map(row)}
              {metrics.length === 0 && none}
            </Box>
          ) : (
            <Table size="small" aria-label="Metrics of the period">
              <TableHead>
                <TableRow>
                  <TableCell>Metric</TableCell>
                  <TableCell>Value</TableCell>
                  <TableCell>Numerator / denominator</TableCell>
                  <TableCell>Note</TableCell>
                  <TableCell>Status</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {metrics.map(row)}
                {metrics.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={5}>{none}</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          )}
          {/* Sticky, so Save and Submit stay in reach however long the period's list of metrics is. */}
          <Box
            sx={{
              display: 'flex',
              flexWrap: 'wrap',
              gap: 1,
              p: 2,
              justifyContent: 'flex-end',
              alignItems: 'center',
              position: 'sticky',
              bottom: 0,
              zIndex: 2,
              bgcolor: 'background.paper',
              borderTop: '1px solid',
              borderColor: 'divider',
            }}
            data-testid="entry-toolbar"
          >
            <Typography variant="caption" color="text.secondary" sx={{ flex: '1 1 240px' }}>
              Each row is checked as you leave a field and again by the API when it is saved; a row with an error is kept as you typed it. Submitted values go to consortium staff for validation.
            </Typography>
            <Button variant="outlined" startIcon={<SaveOutlined />} disabled={saving} onClick={() => void save(false)}>
              Save draft
            </Button>
            <Button variant="contained" startIcon={<Send />} disabled={saving} onClick={() => setConfirming(true)}>
              Submit
            </Button>
            <Confirm
              isOpen={confirming}
              title={`Submit ${period?.code ?? 'the period'} for validation?`}
              content={
                <span data-testid="submit-confirm-text">
                  Submitted values go to consortium staff and can then only change as a revision with a reason.{' '}
                  {unreportedAfterSubmit.length === 0
                    ? `Every one of the ${metrics.length} metrics of the period will be reported.`
                    : `${unreportedAfterSubmit.length} of the ${metrics.length} metrics of the period will still be unreported (${unreportedAfterSubmit.map((m) => m.code).join(', ')}).`}
                </span>
              }
              confirm="Submit values"
              onConfirm={() => {
                setConfirming(false);
                void save(true);
              }}
              onClose={() => setConfirming(false)}
            />
          </Box>
        </Card>
      )}
    </Box>
  );
}
