import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Title } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DemandGap, DemandGapRow } from '@tandem/contracts';
import { useApiGet } from '../../common/useApiGet';

const OPENINGS = '#1d4e89';
const COULD = '#6a9fd8';
const PIPELINE = '#e08a1e';

const fig = (x: number | null): string => (x === null ? '—' : x.toLocaleString());

/** Demand (openings stacked with could-exist jobs) beside the pipeline, per occupation the reader may see. */
function GapChart({ rows }: { rows: DemandGapRow[] }) {
  const data = rows.map((r) => ({ soc: r.socCode, openings: r.expectedOpenings ?? 0, could: r.couldExistJobs ?? 0, pipeline: r.pipeline ?? 0 }));
  return (
    <Box data-testid="demand-gap-chart" sx={{ width: '100%', maxWidth: 960, height: 320 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="soc" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend />
          <Bar dataKey="openings" name="Expected openings" stackId="demand" fill={OPENINGS} isAnimationActive={false} />
          <Bar dataKey="could" name="Jobs that could exist" stackId="demand" fill={COULD} isAnimationActive={false} />
          <Bar dataKey="pipeline" name="Trainees in the pipeline" fill={PIPELINE} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
}

/**
 * Demand against the training pipeline per occupation. A row withheld by disclosure control
 * says why and shows no figure (staff see the figures with the reason beside them); the total
 * adds the rows shown to the reader only.
 */
export function DemandGapPage() {
  const { id } = useParams<{ id: string }>();
  const state = useApiGet<DemandGap>(id ? `/api/demand-surveys/${id}/gap` : null);
  const g = state.status === 'ok' ? state.data : null;
  const charted = g ? g.occupations.filter((o) => o.expectedOpenings !== null) : [];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={g ? `Demand vs pipeline: ${g.title}` : 'Demand vs pipeline'} />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {state.status === 'loading' && <LinearProgress />}
        {state.status === 'error' && <Alert severity="error">{state.message}</Alert>}
        {g && (
          <>
            <Typography variant="body2" color="text.secondary">
              Openings member firms expect in the next {g.horizonMonths} months, and jobs that could exist if trained workers were available, against the trainees in training for
              each occupation (enrolments not withdrawn in sessions between {g.pipelineFrom} and {g.pipelineUntil} of curricula for it). Gap = openings + could-exist jobs − pipeline.
              An occupation is shown only where at least {g.k} firms answered besides your own and none dominates.
              {g.respondents !== null && ` ${g.respondents} firms answered.`}
            </Typography>
            {!g.available && <Alert severity="info">The survey is still taking answers: the figures are shown once it closes.</Alert>}
            {g.available && charted.length > 0 && <GapChart rows={charted} />}
            {g.available && (
              <Table size="small" aria-label="Demand and pipeline per occupation">
                <TableHead>
                  <TableRow>
                    <TableCell>Occupation (SOC)</TableCell>
                    <TableCell align="right">Firms</TableCell>
                    <TableCell align="right">Expected openings</TableCell>
                    <TableCell align="right">Could exist</TableCell>
                    <TableCell align="right">Demand</TableCell>
                    <TableCell align="right">Pipeline</TableCell>
                    <TableCell align="right">Gap</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {g.occupations.map((o) => (
                    <TableRow key={o.socCode} data-testid={o.suppressed ? 'demand-row-withheld' : 'demand-row'}>
                      <TableCell>{o.socCode}</TableCell>
                      <TableCell align="right">{fig(o.answeringFirms)}</TableCell>
                      <TableCell align="right">{fig(o.expectedOpenings)}</TableCell>
                      <TableCell align="right">{fig(o.couldExistJobs)}</TableCell>
                      <TableCell align="right">{fig(o.demand)}</TableCell>
                      <TableCell align="right">{fig(o.pipeline)}</TableCell>
                      <TableCell align="right" sx={{ fontWeight: 600 }}>
                        {fig(o.gap)}
                      </TableCell>
                      <TableCell>{o.suppressed && <Chip size="small" variant="outlined" label={`Not shown${o.expectedOpenings !== null ? ' to members' : ''}: ${o.reason ?? ''}`} />}</TableCell>
                    </TableRow>
                  ))}
                  {g.total && (
                    <TableRow data-testid="demand-total">
                      <TableCell sx={{ fontWeight: 600 }}>Total of the {g.total.occupations} occupations shown</TableCell>
                      <TableCell />
                      <TableCell align="right">{fig(g.total.expectedOpenings)}</TableCell>
                      <TableCell align="right">{fig(g.total.couldExistJobs)}</TableCell>
                      <TableCell align="right">{fig(g.total.demand)}</TableCell>
                      <TableCell align="right">{fig(g.total.pipeline)}</TableCell>
                      <TableCell align="right" sx={{ fontWeight: 600 }}>
                        {fig(g.total.gap)}
                      </TableCell>
                      <TableCell />
                    </TableRow>
                  )}
                </TableBody>
              </Table>
            )}
            <Box>
              <Button component={Link} to="/demand-surveys">
                Back to the surveys
              </Button>
            </Box>
          </>
        )}
      </CardContent>
    </Card>
  );
}
