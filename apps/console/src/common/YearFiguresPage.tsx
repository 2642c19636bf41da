import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Title } from 'react-admin';
import { useApiGet } from './useApiGet';

const thisYear = new Date().getFullYear();
const YEARS = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

/**
 * A page of figures of one year (GET `path`?year=): its title, what the figures are, a year
 * picker (this year and the three before), and the figures once the API answered.
 */
export function YearFiguresPage<T>({ title, path, intro, children }: { title: string; path: string; intro: ReactNode; children: (data: T) => ReactNode }) {
  const [year, setYear] = useState(thisYear);
  const state = useApiGet<T>(`${path}?year=${year}`);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={title} />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="body2" color="text.secondary">
          {intro}
        </Typography>
        <TextField select size="small" label="Year" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 160 }}>
          {YEARS.map((y) => (
            <MenuItem key={y} value={y}>
              {y}
            </MenuItem>
          ))}
        </TextField>
        {state.status === 'loading' && <LinearProgress />}
        {state.status === 'error' && <Alert severity="error">{state.message}</Alert>}
        {state.status === 'ok' && children(state.data)}
      </CardContent>
    </Card>
  );
}
