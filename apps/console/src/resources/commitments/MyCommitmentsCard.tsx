import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useGetList } from 'react-admin';
import type { Commitment } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import { StateChip } from '../../common/StatusChip';
import { errorText, HomeCard } from '../../dashboard/HomeCard';
import { CommitmentProgressBar } from './CommitmentProgress';

/** A firm admin's home: its commitments of the latest year, each with its progress bar. */
export function MyCommitmentsCard() {
  const list = useGetList<Commitment>('commitments', { sort: { field: 'year', order: 'DESC' }, pagination: { page: 1, perPage: 20 } });
  const latest = list.data?.[0]?.year;
  const rows = (list.data ?? []).filter((c) => c.year === latest);
  return (
    <HomeCard title="My commitments" testId="home-commitments" loading={list.isPending} error={errorText(list.error)} to="/commitments" linkText="All commitments">
      {rows.map((c) => (
        <Box key={c.id} sx={{ mb: 1 }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Typography variant="body2" sx={{ flex: 1 }}>
              {humanize(c.kind)} ({c.year})
            </Typography>
            <StateChip value={c.state} />
          </Box>
          <CommitmentProgressBar commitment={c} />
        </Box>
      ))}
      {list.data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No commitment yet.
        </Typography>
      )}
    </HomeCard>
  );
}
