import Lock from '@mui/icons-material/Lock';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';
import type { OutboxMessage } from '@tandem/contracts';

export const HIDDEN_TEXT = 'Hidden: this message carries a personal link meant only for its recipient';

/** A lock for messages that carry a secret link (invitations); nothing for ordinary notices. */
export function SensitiveField({ withLabel = false }: { withLabel?: boolean; label?: string }) {
  const message = useRecordContext<OutboxMessage>();
  if (!message) return null;
  if (!message.sensitive) return withLabel ? <Typography variant="body2">No</Typography> : null;
  return (
    <Tooltip title="Carries a personal link: its text is shown to nobody but its recipient">
      <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'text.secondary' }} data-testid="sensitive">
        <Lock fontSize="small" aria-label="Personal link" />
        {withLabel && <Typography variant="body2">Yes: carries a personal link</Typography>}
      </Box>
    </Tooltip>
  );
}
