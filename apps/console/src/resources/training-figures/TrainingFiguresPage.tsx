import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import type { TrainingFigures } from '@tandem/contracts';
import { Figure } from '../../common/Figure';
import { YearFiguresPage } from '../../common/YearFiguresPage';
import { formatFigure } from '../../common/figures';

const usd = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `$${formatFigure(x, 0)}`);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${formatFigure(x, 2)} %`);

const INTRO = "Training hours and spend from enrolments and training activities (a session logged both ways counts once), against frontline headcount and payroll. The catalogue's training metrics are computed from the same records. Wage gains are counted only in aggregate, never one worker's wage.";

/**
 * Training spend vs payroll: hours and spend of the training the records hold (enrolments and
 * activities, counted once), set against each firm's frontline headcount and payroll. A firm
 * sees its own row, a union the firms it represents (without payroll or wages), staff every
 * firm; everyone the consortium's totals and wage gains where enough firms trained that none
 * can be read back.
 */
type Firm = TrainingFigures['firms'][number];

/** A firm's figures as label and value lines: what the table's row holds, on a phone (the table is wider than the screen). */
function FirmBlock({ f, full }: { f: Firm; full: boolean }) {
  const lines: [string, string][] = [
    ['Hours', formatFigure(f.hours, 1)],
    ['Spend', usd(f.spend)],
    ['Sessions', String(f.sessions)],
    ['Enrolments', String(f.enrolments)],
    ...(full
      ? ([
          ['Payroll', usd(f.payroll)],
          ['Spend % of payroll', pct(f.spendPctOfPayroll)],
          ['Hours per frontline worker', formatFigure(f.hoursPerFrontlineWorker, 1)],
          ['Wage steps', f.wageSteps === null ? '—' : String(f.wageSteps)],
        ] as [string, string][])
      : []),
  ];
  return (
    <Card variant="outlined" data-testid="training-firm">
      <CardContent>
        <Typography variant="subtitle2" sx={{ overflowWrap: 'anywhere' }}>
          {f.organisationName}
        </Typography>
        {lines.map(([label, value]) => (
          <Box key={label} sx={{ display: 'flex', justifyContent: 'space-between', gap: 1 }}>
            <Typography variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography variant="body2">{value}</Typography>
          </Box>
        ))}
      </CardContent>
    </Card>
  );
}

export function TrainingFiguresPage() {
  // the phone breakpoint of ResponsiveList's usePhone, asked here directly: importing that module
  // from this page moved list code into what the login page downloads (over its 300 kB)
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  return (
    <YearFiguresPage<TrainingFigures> title="Training figures" path="/api/training-figures" intro={INTRO}>
      {(data) => {
        const full = data.firms.some((f) => f.payroll !== null || f.wageSteps !== null);
        return (
          <>
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              The consortium in {data.year}
            </Typography>
            {data.consortium.training ? (
              <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }} data-testid="training-consortium">
                <Figure label="Firms that trained" value={formatFigure(data.consortium.training.firms)} testId="training-firms" />
                {data.consortium.training.hours !== null && <Figure label="Training hours" value={formatFigure(data.consortium.training.hours, 0)} testId="training-hours" />}
                <Figure label="Hours per frontline worker" value={formatFigure(data.consortium.training.hoursPerFrontlineWorker, 1)} testId="training-hours-per-worker" />
                {data.consortium.training.spend !== null && <Figure label="Training spend" value={usd(data.consortium.training.spend)} testId="training-spend" />}
                <Figure label="Spend as % of payroll" value={pct(data.consortium.training.spendPctOfPayroll)} testId="training-spend-pct" />
              </Box>
            ) : (
              <Alert severity="info" data-testid="training-withheld">
                Training totals not shown: {data.consortium.trainingWithheld === 'dominated' ? 'one or two firms make most of them, so they would tell those firms’ figures' : `${data.consortium.trainingWithheldMessage ?? ''} trained in ${data.year}`}.
              </Alert>
            )}
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              Wage gains from skill-based pay
            </Typography>
            {data.consortium.wageGains ? (
              <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }} data-testid="wage-gains">
                {data.consortium.wageGains.wageSteps !== null && <Figure label="Wage steps confirmed" value={formatFigure(data.consortium.wageGains.wageSteps)} testId="wage-steps" />}
                <Figure label="Firms" value={formatFigure(data.consortium.wageGains.firms)} testId="wage-firms" />
                <Figure label="Mean hourly gain" value={`$${formatFigure(data.consortium.wageGains.meanHourlyGain, 2)}`} testId="wage-mean" />
              </Box>
            ) : (
              <Alert severity="info" data-testid="wage-gains-withheld">
                Wage gains not shown: {data.consortium.wageGainsWithheld === 'dominated' ? 'one or two firms make most of them, so they would tell those firms’ figures' : `${data.consortium.wageGainsWithheldMessage ?? ''} confirmed a wage step in ${data.year}`}.
              </Alert>
            )}
            {data.firms.length > 0 && phone && (
              <Stack spacing={1}>
                {data.firms.map((f) => (
                  <FirmBlock key={f.organisationId} f={f} full={full} />
                ))}
              </Stack>
            )}
            {data.firms.length > 0 && !phone && (
              <TableContainer>
                <Table size="small" aria-label="Training figures per firm">
                  <TableHead>
                    <TableRow>
                      <TableCell>Firm</TableCell>
                      <TableCell align="right">Hours</TableCell>
                      <TableCell align="right">Spend</TableCell>
                      <TableCell align="right">Sessions</TableCell>
                      <TableCell align="right">Enrolments</TableCell>
                      {full && (
                        <>
                          <TableCell align="right">Payroll</TableCell>
                          <TableCell align="right">Spend % of payroll</TableCell>
                          <TableCell align="right">Hours per frontline worker</TableCell>
                          <TableCell align="right">Wage steps</TableCell>
                        </>
                      )}
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {data.firms.map((f) => (
                      <TableRow key={f.organisationId} data-testid="training-firm">
                        <TableCell>{f.organisationName}</TableCell>
                        <TableCell align="right">{formatFigure(f.hours, 1)}</TableCell>
                        <TableCell align="right">{usd(f.spend)}</TableCell>
                        <TableCell align="right">{f.sessions}</TableCell>
                        <TableCell align="right">{f.enrolments}</TableCell>
                        {full && (
                          <>
                            <TableCell align="right">{usd(f.payroll)}</TableCell>
                            <TableCell align="right">{pct(f.spendPctOfPayroll)}</TableCell>
                            <TableCell align="right">{formatFigure(f.hoursPerFrontlineWorker, 1)}</TableCell>
                            <TableCell align="right">{f.wageSteps ?? '—'}</TableCell>
                          </>
                        )}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableContainer>
            )}
          </>
        );
      }}
    </YearFiguresPage>
  );
}
