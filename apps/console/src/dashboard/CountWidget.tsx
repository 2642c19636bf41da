import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import Typography from '@mui/material/Typography';
import { useNavigate } from 'react-admin';

export function CountWidget({ label, value, icon, to, testId }: { label: string; value: number; icon: ReactNode; to?: string; testId: string }) {
  const navigate = useNavigate();
  const body = (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, p: 2.5 }}>
      <Box sx={{ color: 'primary.main', bgcolor: 'rgba(29, 78, 137, 0.08)', borderRadius: 2, p: 1.25, display: 'flex' }}>{icon}</Box>
      <Box>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h4" component="p" sx={{ fontWeight: 600 }} data-testid={testId}>
          {value.toLocaleString()}
        </Typography>
      </Box>
    </Box>
  );
  return (
    <Card sx={{ flex: '1 1 200px', minWidth: 200 }}>
      {to ? <CardActionArea onClick={() => navigate(to)}>{body}</CardActionArea> : body}
    </Card>
  );
}
