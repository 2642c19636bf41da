import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { useRecordContext } from 'react-admin';
import type { Scorecard } from '@tandem/contracts';
import { StateChip } from '../../common/StatusChip';

/** "40 %": the share of the template's weight that has a validated value ("—" when withheld from the reader). */
export function coverageText(coverage: number | null): string {
  return coverage === null ? '—' : `${Math.round(coverage * 100)} %`;
}

/** A score to one decimal, or "—" when withheld from the reader. */
export function scoreText(score: number | null): string {
  return score === null ? '—' : score.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/**
 * A scorecard's standing, and when it is provisional (period open or a criterion without a
 * validated value) says so with its coverage: such a standing opens no plan and is not history.
 */
export function StandingChip({ scorecard }: { scorecard: Pick<Scorecard, 'standing' | 'provisional' | 'coverage' | 'withheld'> }) {
  if (scorecard.standing === null) {
    return (
      <Tooltip title={`Withheld: ${scorecard.withheld ?? 'not shared with your firm'}`}>
        <Chip size="small" variant="outlined" label="Withheld" data-testid="withheld-chip" />
      </Tooltip>
    );
  }
  return (
    <Box component="span" sx={{ display: 'inline-flex', gap: 0.5, alignItems: 'center', flexWrap: 'wrap' }}>
      <StateChip value={scorecard.standing} />
      {scorecard.provisional && (
        <Tooltip title="The period is open or a criterion has no validated value: this standing is not final, opens no plan and is not part of the history.">
          <Chip size="small" variant="outlined" label={`Provisional · ${coverageText(scorecard.coverage)} coverage`} data-testid="provisional-chip" />
        </Tooltip>
      )}
    </Box>
  );
}

/** The same as a field of the current scorecard (lists, show pages). */
export function StandingField(_: { label?: string; source?: string; sortable?: boolean }) {
  const record = useRecordContext<Scorecard>();
  return record ? <StandingChip scorecard={record} /> : null;
}
