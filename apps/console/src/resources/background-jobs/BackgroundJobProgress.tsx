import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { BackgroundJob } from '@tandem/contracts';

/** Progress as a bar while the job runs; the state chip says the rest. */
export function BackgroundJobProgress() {
  const job = useRecordContext<BackgroundJob>();
  if (!job) return null;
  const value = job.state === 'completed' ? 100 : job.progress;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 120 }}>
      <LinearProgress
        variant={job.state === 'running' && job.progress === 0 ? 'indeterminate' : 'determinate'}
        value={value}
        color={job.state === 'failed' ? 'error' : 'primary'}
        sx={{ flex: 1 }}
        aria-label={`progress of ${job.name}`}
      />
      <Typography variant="caption" sx={{ minWidth: 32 }}>
        {value} %
      </Typography>
    </Box>
  );
}
