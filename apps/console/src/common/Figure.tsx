import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** One headline figure of a page of counts: its label above, the figure large. */
export function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Box sx={{ minWidth: 160 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h5" component="p" data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}
