import { useEffect, useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import PictureAsPdf from '@mui/icons-material/PictureAsPdf';
import { useNotify } from 'react-admin';
import { fetchRaw, saveResponse } from '../common/api';
import { asProblem, problemMessage } from '../providers/problem';

/** What the API answers while the worker builds the report (202). */
interface ReportPending {
  state: 'queued' | 'running';
  progress: number;
}

/** A report is seldom more than a minute of work; past this the person is told to come back. */
const GIVE_UP_MS = 5 * 60_000;

function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 10) * 1000 : 2000;
}

/**
 * Download the firm's benchmark report of a period as a PDF. The API answers 200 with the
 * file once it exists, or 202 with the worker's progress and Retry-After while it builds it:
 * the button polls until the file comes. A 404 (no report service on this installation, or
 * none for this period) says so instead of failing silently.
 */
export function ReportButton({ organisationId, periodId, periodCode }: { organisationId: string; periodId: string; periodCode: string }) {
  const notify = useNotify();
  const [pending, setPending] = useState<ReportPending | null>(null);
  const [busy, setBusy] = useState(false);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  async function download() {
    setBusy(true);
    const url = `/api/benchmark-reports/${organisationId}/${periodId}.pdf`;
    const until = Date.now() + GIVE_UP_MS;
    try {
      while (alive.current) {
        const response = await fetchRaw(url, 'application/pdf');
        if (response.status === 200) {
          await saveResponse(response, `benchmark-report-${periodCode}.pdf`);
          notify(`Benchmark report ${periodCode} downloaded`, { type: 'success' });
          return;
        }
        if (response.status === 202) {
          const body = (await response.json().catch(() => null)) as ReportPending | null;
          if (alive.current) setPending(body ?? { state: 'queued', progress: 0 });
          if (Date.now() > until) {
            notify('The report is still being prepared; try again in a few minutes', { type: 'info' });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, retryAfterMs(response)));
          continue;
        }
        if (response.status === 404) {
          notify(`No PDF report is available for ${periodCode} on this installation yet`, { type: 'warning' });
          return;
        }
        const problem = asProblem(await response.json().catch(() => null));
        notify(problemMessage(problem, `The report could not be downloaded (${response.status})`), { type: 'error' });
        return;
      }
    } catch {
      notify('The report could not be downloaded: the server did not answer', { type: 'error' });
    } finally {
      if (alive.current) {
        setBusy(false);
        setPending(null);
      }
    }
  }

  return (
    <Box sx={{ display: 'inline-flex', flexDirection: 'column', gap: 0.5, minWidth: 220 }}>
      <Button variant="outlined" startIcon={<PictureAsPdf />} onClick={() => void download()} disabled={busy} data-testid="report-download">
        {busy ? 'Preparing the report…' : 'Download report (PDF)'}
      </Button>
      {pending && (
        <Box data-testid="report-progress">
          <LinearProgress variant="determinate" value={pending.progress} aria-label="progress of the report" />
          <Typography variant="caption" color="text.secondary">
            {pending.state === 'queued' ? 'Waiting for the report to start' : `Building the report: ${Math.round(pending.progress)} %`}
          </Typography>
        </Box>
      )}
    </Box>
  );
}
