import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useRecordContext } from 'react-admin';

/** Pretty-printed JSON of one field (audit before/after), or a dash when absent. */
export function JsonField({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  const value: unknown = record?.[source];
  if (value === null || value === undefined) return <Typography variant="body2">—</Typography>;
  return (
    <Box
      component="pre"
      sx={{ m: 0, p: 1.5, bgcolor: 'grey.100', borderRadius: 1, fontSize: 12, overflowX: 'auto', maxWidth: 720 }}
    >
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}
