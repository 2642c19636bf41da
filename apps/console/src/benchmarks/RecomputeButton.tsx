import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import Refresh from '@mui/icons-material/Refresh';
import { useGetList, useGetOne, useListContext, useNotify, useRefresh } from 'react-admin';
import type { BenchmarkRun, Period } from '@tandem/contracts';
import { errorMessage, postJson } from '../common/api';
import { formatDateTime } from '../common/formatDate';
import { StateChip } from '../common/StatusChip';
import { httpClient } from '../providers/httpClient';

/** How often a running recompute is asked for its progress. */
const POLL_MS = 1000;

const finished = (run: BenchmarkRun | undefined) => run?.state === 'completed' || run?.state === 'failed';

/**
 * Follows one run: GET /api/benchmark-runs/:id every second until it has completed or failed,
 * then refreshes the list so the new figures show.
 */
function useFollowedRun(initial: BenchmarkRun | undefined): BenchmarkRun | undefined {
  const [run, setRun] = useState<BenchmarkRun | undefined>(initial);
  const refresh = useRefresh();
  const notify = useNotify();
  useEffect(() => setRun(initial), [initial]);
  const id = run?.id;
  const done = finished(run);
  useEffect(() => {
    if (!id || done) return;
    let live = true;
    const timer = setInterval(() => {
      httpClient(`/api/benchmark-runs/${id}`)
        .then(({ json }) => {
          if (!live) return;
          const next = json as BenchmarkRun;
          setRun(next);
          if (next.state === 'completed') {
            notify(next.reusedResults ? `Nothing changed since the last run: its ${next.cells.toLocaleString()} cells stand` : `Benchmarks recomputed: ${next.cells.toLocaleString()} cells`, { type: 'success' });
            refresh();
          } else if (next.state === 'failed') notify(`The recompute failed${next.error ? `: ${next.error}` : ''}`, { type: 'error' });
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [id, done, notify, refresh]);
  return run;
}

function RunProgressLine({ run, periodCode }: { run: BenchmarkRun; periodCode: string }) {
  const value = run.state === 'completed' ? 100 : run.progress;
  const text =
    run.state === 'completed'
      ? `${periodCode} computed ${run.computedAt ? formatDateTime(run.computedAt) : ''}${run.reusedResults ? ' (nothing changed since)' : ''} · ${run.cells.toLocaleString()} cells${run.threshold !== null ? ` · k ${run.threshold}` : ''}`
      : run.state === 'failed'
        ? `${periodCode}: the recompute failed${run.error ? ` (${run.error})` : ''}`
        : `${periodCode}: ${run.state === 'queued' ? 'waiting for the worker' : 'recomputing'} · ${value} %`;
  return (
    <Box sx={{ minWidth: 240, maxWidth: 360, flex: 1 }} data-testid="recompute-progress" data-state={run.state} data-progress={value}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, justifyContent: 'flex-end' }}>
        {/* only while it runs: a finished run is a state, and lists wait for progress bars to go */}
        {!finished(run) && <LinearProgress variant="determinate" value={value} sx={{ flex: 1, height: 8, borderRadius: 4 }} aria-label="progress of the recompute" />}
        <StateChip value={run.state} />
      </Box>
      <Typography variant="caption" color="text.secondary" component="div" data-testid="recompute-progress-text">
        {text}
      </Typography>
    </Box>
  );
}

/**
 * Staff: recompute the benchmarks of the period the explorer shows, and watch the worker's
 * progress. The latest run of the period is shown (and followed, when it is still running)
 * before anything is started.
 */
export function RecomputeButton() {
  const { filterValues } = useListContext();
  const periodId = typeof filterValues.periodId === 'string' ? filterValues.periodId : undefined;
  const period = useGetOne<Period>('periods', { id: periodId ?? '' }, { enabled: Boolean(periodId) }).data;
  const latest = useGetList<BenchmarkRun>('benchmark-runs', { filter: { periodId }, sort: { field: 'createdAt', order: 'DESC' }, pagination: { page: 1, perPage: 1 } }, { enabled: Boolean(periodId) });
  const [started, setStarted] = useState<BenchmarkRun | undefined>();
  const [starting, setStarting] = useState(false);
  const notify = useNotify();
  useEffect(() => setStarted(undefined), [periodId]);
  const run = useFollowedRun(started ?? latest.data?.[0]);
  const open = period?.state === 'open';

  async function start() {
    if (!periodId) return;
    setStarting(true);
    try {
      setStarted(await postJson<BenchmarkRun>('/api/benchmark-runs', { periodId }));
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setStarting(false);
    }
  }

  const running = run !== undefined && !finished(run);
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      {run && period && run.periodId === period.id && <RunProgressLine run={run} periodCode={period.code} />}
      <Button
        variant="contained"
        size="small"
        startIcon={<Refresh />}
        onClick={() => void start()}
        disabled={!period || open || starting || running}
        title={!period ? 'Choose a period first' : open ? 'An open period has no benchmarks: close it first' : undefined}
        data-testid="recompute-start"
      >
        {period ? `Recompute ${period.code}` : 'Recompute'}
      </Button>
    </Box>
  );
}
