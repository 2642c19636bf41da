import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { quartileText } from './benchmarkModel';

const TONES = { 1: 'success', 2: 'info', 3: 'warning', 4: 'error' } as const;

/**
 * A member's quartile in a peer group (1 = best whatever the metric's direction), or, where
 * the group's statistics are withheld from it, the reason and no position.
 */
export function QuartileChip({ quartile, reason }: { quartile: number | null; reason?: string | null }) {
  if (quartile === null) {
    return (
      <Tooltip title={reason ? `Your position is not shown: ${reason}` : 'Your position is not shown'}>
        <Chip size="small" variant="outlined" label="withheld" data-quartile="withheld" />
      </Tooltip>
    );
  }
  const tone = TONES[quartile as keyof typeof TONES] ?? 'default';
  return <Chip size="small" variant="outlined" color={tone} label={quartileText(quartile)} data-quartile={quartile} />;
}
