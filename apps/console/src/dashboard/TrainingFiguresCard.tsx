import Typography from '@mui/material/Typography';
import type { TrainingFigures } from '@tandem/contracts';
import { formatFigure } from '../common/figures';
import { useApiGet } from '../common/useApiGet';
import { HomeCard, HomeLine } from './HomeCard';
import { plural } from './links';

/**
 * This year's training of the firms the reader sees (its own, or those its union represents):
 * hours, sessions and enrolments per firm, as the training records count them.
 */
export function TrainingFiguresCard({ title }: { title: string }) {
  const year = new Date().getFullYear();
  const state = useApiGet<TrainingFigures>(`/api/training-figures?year=${year}`);
  const firms = state.status === 'ok' ? state.data.firms : [];
  const hours = firms.reduce((s, f) => s + f.hours, 0);
  return (
    <HomeCard
      title={title}
      testId="home-training-figures"
      figure={state.status === 'ok' ? Math.round(hours) : undefined}
      figureLabel={`training hours in ${year}`}
      loading={state.status === 'loading'}
      error={state.status === 'error' ? state.message : null}
      to="/training-figures"
      linkText="Training figures"
    >
      {firms.map((f) => (
        <HomeLine
          key={f.organisationId}
          testId="home-training-firm"
          primary={f.organisationName}
          secondary={`${formatFigure(f.hours, 1)} h · ${plural(f.sessions, 'session')} · ${plural(f.enrolments, 'enrolment')}${f.spendPctOfPayroll !== null ? ` · spend ${formatFigure(f.spendPctOfPayroll, 2)} % of payroll` : ''}`}
        />
      ))}
      {state.status === 'ok' && firms.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No training recorded yet.
        </Typography>
      )}
    </HomeCard>
  );
}
