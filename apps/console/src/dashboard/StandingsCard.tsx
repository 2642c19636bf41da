import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';
import type { Scorecard } from '@tandem/contracts';
import { formatFigure } from '../common/figures';
import { stateLabel } from '../common/StatusChip';
import { StandingChip } from '../resources/scorecards/StandingChip';
import { HomeCard } from './HomeCard';
import { listLink } from './links';
import { useLatestStandings, type StandingRow } from './standings';

/** What changed since the relationship's scorecard of the period before, in words. */
function changeText(row: StandingRow): string {
  const { latest, previous, previousPeriod } = row;
  if (!previous) return 'first scorecard';
  const since = previousPeriod ? ` since ${previousPeriod.code}` : '';
  // a score the supplier's sharing withholds from this reader has no change to tell
  if (latest.score === null || previous.score === null || latest.standing === null || previous.standing === null) return 'change not shown: a score is withheld';
  const delta = latest.score - previous.score;
  const score = delta === 0 ? 'score unchanged' : `score ${delta > 0 ? 'up' : 'down'} ${formatFigure(Math.abs(delta), 1)}`;
  const standing = latest.standing === previous.standing ? '' : `, was ${stateLabel(previous.standing)}`;
  return `${score}${standing}${since}`;
}

function StandingLine({ row, showChange }: { row: StandingRow; showChange: boolean }) {
  const card: Scorecard = row.latest;
  return (
    <Box sx={{ py: 0.75, borderTop: '1px solid', borderColor: 'divider', minWidth: 0 }} data-testid="home-standing">
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', justifyContent: 'space-between' }}>
        <Typography variant="body2" sx={{ fontWeight: 500, overflowWrap: 'anywhere' }}>
          <Link to={`/scorecards/${card.id}/show`}>{row.counterpartName}</Link>
        </Typography>
        <StandingChip scorecard={card} />
      </Box>
      <Typography variant="caption" color="text.secondary" component="div">
        {row.latestPeriod?.code ?? ''} · score {card.score === null ? 'withheld' : formatFigure(card.score, 1)}
        {showChange ? ` · ${changeText(row)}` : ''}
      </Typography>
    </Box>
  );
}

/** The latest standing with each customer (a supplier) or of each supplier (a buyer). */
export function StandingsCard({ side, organisationId }: { side: 'supplier' | 'customer'; organisationId: string | undefined }) {
  const { rows, relationships, loading, error } = useLatestStandings(side, organisationId);
  const supplier = side === 'supplier';
  return (
    <HomeCard
      title={supplier ? 'Latest standing with each customer' : 'Latest standing of each supplier'}
      testId="home-standings"
      loading={!organisationId || loading}
      error={error}
      to={listLink('scorecards', supplier ? { supplierId: organisationId } : { customerId: organisationId }, { field: 'computedAt', order: 'DESC' })}
      linkText="Open scorecards"
    >
      {rows.map((row) => (
        <StandingLine key={row.relationshipId} row={row} showChange={!supplier} />
      ))}
      {rows.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {relationships.length === 0 ? 'No supply relationship yet.' : 'No scorecard yet.'}
        </Typography>
      )}
    </HomeCard>
  );
}
