import Typography from '@mui/material/Typography';
import { useGetList } from 'react-admin';
import type { DemandSurvey } from '@tandem/contracts';
import { errorText, HomeCard, HomeLine } from '../../dashboard/HomeCard';
import { formatDay } from '../../dashboard/links';

/** A firm admin's home: the open demand surveys its firm has not answered yet. Shows nothing when there are none. */
export function DemandSurveyCard() {
  const open = useGetList<DemandSurvey>('demand-surveys', { filter: { status: 'open' }, sort: { field: 'closesOn', order: 'ASC' }, pagination: { page: 1, perPage: 10 } });
  const unanswered = (open.data ?? []).filter((s) => s.answeredByMyFirm === false);
  if (!open.isPending && !open.error && unanswered.length === 0) return null;
  return (
    <HomeCard title="Workforce demand survey" testId="home-demand-survey" loading={open.isPending} error={errorText(open.error)} to="/demand-surveys" linkText="All surveys">
      <Typography variant="body2" color="text.secondary">
        Which jobs do you expect to fill, and which could exist if trained workers were there? Your answer shapes the training the consortium plans.
      </Typography>
      {unanswered.map((s) => (
        <HomeLine key={s.id} to={`/demand-surveys/${s.id}/answer`} primary={`Answer: ${s.title}`} secondary={`due ${formatDay(s.closesOn)} · the next ${s.horizonMonths} months`} />
      ))}
    </HomeCard>
  );
}
