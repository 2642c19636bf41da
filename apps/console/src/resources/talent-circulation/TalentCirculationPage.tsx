import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Title } from 'react-admin';
import type { TalentCirculation } from '@tandem/contracts';
import { useApiGet } from '../../common/useApiGet';

const thisYear = new Date().getFullYear();
const YEARS = [thisYear, thisYear - 1, thisYear - 2, thisYear - 3];

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
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

/**
 * Talent circulation: trained workers hired from and lost to other member firms, the
 * partnership's answer to poaching. Counts only; a firm sees its own row, staff every firm,
 * everyone the consortium's figures where enough firms hired that none can be read back.
 */
export function TalentCirculationPage() {
  const [year, setYear] = useState(thisYear);
  const state = useApiGet<TalentCirculation>(`/api/talent-circulation?year=${year}`);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="Talent circulation" />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography variant="body2" color="text.secondary">
          When a worker trained by one member firm is hired by another, the training stays in the region. Counted from trainees&apos; employment history and completed training; never a
          person.
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
        {state.status === 'ok' && (
          <>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              The consortium in {state.data.year}
            </Typography>
            {state.data.consortium.withheld ? (
              <Alert severity="info" data-testid="circulation-withheld">
                Not shown: {state.data.consortium.withheldMessage} hired in {state.data.year}.
              </Alert>
            ) : (
              <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }} data-testid="circulation-consortium">
                <Figure label="Hires" value={String(state.data.consortium.hires ?? 0)} testId="circulation-hires" />
                <Figure label="Trained by another member" value={String(state.data.consortium.trainedMoves ?? 0)} testId="circulation-moves" />
                <Figure
                  label="Share of hires trained by another member"
                  value={state.data.consortium.shareHiredTrained === null ? '—' : `${Math.round(state.data.consortium.shareHiredTrained * 100)} %`}
                  testId="circulation-share"
                />
                <Figure label="Firms hiring" value={String(state.data.consortium.hiringFirms ?? 0)} testId="circulation-firms" />
              </Box>
            )}
            {state.data.firms.length > 0 && (
              <Table size="small" aria-label="Talent circulation per firm">
                <TableHead>
                  <TableRow>
                    <TableCell>Firm</TableCell>
                    <TableCell align="right">Hires</TableCell>
                    <TableCell align="right">Trained workers received</TableCell>
                    <TableCell align="right">Trained workers lost</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {state.data.firms.map((f) => (
                    <TableRow key={f.organisationId} data-testid="circulation-firm">
                      <TableCell>{f.organisationName}</TableCell>
                      <TableCell align="right">{f.hires}</TableCell>
                      <TableCell align="right">{f.receivedTrained}</TableCell>
                      <TableCell align="right">{f.lostTrained}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
