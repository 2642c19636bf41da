import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { TalentCirculation } from '@tandem/contracts';
import { Figure } from '../../common/Figure';
import { YearFiguresPage } from '../../common/YearFiguresPage';

const INTRO = "When a worker trained by one member firm is hired by another, the training stays in the region. Counted from trainees' employment history and completed training; never a person.";

/**
 * Talent circulation: trained workers hired from and lost to other member firms, the
 * partnership's answer to poaching. Counts only; a firm sees its own row, staff every firm,
 * everyone the consortium's figures where enough firms hired that none can be read back.
 */
export function TalentCirculationPage() {
  return (
    <YearFiguresPage<TalentCirculation> title="Talent circulation" path="/api/talent-circulation" intro={INTRO}>
      {(data) => (
        <>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            The consortium in {data.year}
          </Typography>
          {data.consortium.withheld ? (
            <Alert severity="info" data-testid="circulation-withheld">
              Not shown: {data.consortium.withheldMessage} hired in {data.year}.
            </Alert>
          ) : (
            <Box sx={{ display: 'flex', gap: 3, flexWrap: 'wrap' }} data-testid="circulation-consortium">
              <Figure label="Hires" value={String(data.consortium.hires ?? 0)} testId="circulation-hires" />
              <Figure label="Trained by another member" value={String(data.consortium.trainedMoves ?? 0)} testId="circulation-moves" />
              <Figure
                label="Share of hires trained by another member"
                value={data.consortium.shareHiredTrained === null ? '—' : `${Math.round(data.consortium.shareHiredTrained * 100)} %`}
                testId="circulation-share"
              />
              <Figure label="Firms hiring" value={String(data.consortium.hiringFirms ?? 0)} testId="circulation-firms" />
            </Box>
          )}
          {data.firms.length > 0 && (
            <TableContainer>
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
                  {data.firms.map((f) => (
                    <TableRow key={f.organisationId} data-testid="circulation-firm">
                      <TableCell sx={{ overflowWrap: 'anywhere' }}>{f.organisationName}</TableCell>
                      <TableCell align="right">{f.hires}</TableCell>
                      <TableCell align="right">{f.receivedTrained}</TableCell>
                      <TableCell align="right">{f.lostTrained}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </>
      )}
    </YearFiguresPage>
  );
}
