import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { Title, useNotify } from 'react-admin';
import { Link, useParams } from 'react-router-dom';
import type { DemandAnswers, DemandSurvey } from '@tandem/contracts';
import { errorMessage, fieldErrors, sendJson } from '../../common/api';
import { useApiGet } from '../../common/useApiGet';

interface Line {
  socCode: string;
  expectedOpenings: string;
  couldExistJobs: string;
  note: string;
}

const blank = (): Line => ({ socCode: '', expectedOpenings: '0', couldExistJobs: '0', note: '' });

/** A whole number as typed, or the text itself: the API names what is wrong with it. */
const count = (v: string): number | string => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : v);

/**
 * A firm admin's answer to an open survey: one row per occupation (SOC code), the openings the
 * firm expects over the horizon and the jobs that could exist if trained workers were there.
 * Saving sends every row; a row removed is withdrawn. Only the firm and staff read the rows.
 */
export function DemandAnswerPage() {
  const { id } = useParams<{ id: string }>();
  const notify = useNotify();
  const survey = useApiGet<DemandSurvey>(id ? `/api/demand-surveys/${id}` : null);
  const answers = useApiGet<DemandAnswers>(id ? `/api/demand-surveys/${id}/answers` : null);
  const [lines, setLines] = useState<Line[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (answers.status !== 'ok' || lines !== null) return;
    const given = answers.data.lines.map((l) => ({ socCode: l.socCode, expectedOpenings: String(l.expectedOpenings), couldExistJobs: String(l.couldExistJobs), note: l.note ?? '' }));
    setLines(given.length > 0 ? given : [blank()]);
  }, [answers, lines]);

  const change = (i: number, field: keyof Line, value: string) => setLines((ls) => (ls ?? []).map((l, j) => (j === i ? { ...l, [field]: value } : l)));
  const save = async () => {
    if (!id || !lines) return;
    setSaving(true);
    setErrors({});
    try {
      const body = { lines: lines.map((l) => ({ socCode: l.socCode.trim(), expectedOpenings: count(l.expectedOpenings), couldExistJobs: count(l.couldExistJobs), note: l.note.trim() || null })) };
      await sendJson<DemandAnswers>('PUT', `/api/demand-surveys/${id}/answers`, body);
      notify('Your answer is saved', { type: 'success' });
    } catch (error) {
      setErrors(fieldErrors(error));
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const s = survey.status === 'ok' ? survey.data : null;
  const err = (i: number, field: string): string | undefined => errors[`lines.${i}.${field}`];
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={s ? `Answer: ${s.title}` : 'Answer a demand survey'} />
      <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {(survey.status === 'loading' || answers.status === 'loading') && <LinearProgress />}
        {survey.status === 'error' && <Alert severity="error">{survey.message}</Alert>}
        {answers.status === 'error' && <Alert severity="error">{answers.message}</Alert>}
        {s && (
          <Typography variant="body2" color="text.secondary">
            For each occupation: how many openings does your firm expect in the next {s.horizonMonths} months, and how many more jobs <em>could</em> exist if trained workers were
            available? Only your firm and consortium staff read these lines; everyone else sees totals over enough firms that no single
            answer can be read back, once the survey has closed. Answers are due {s.closesOn}.
          </Typography>
        )}
        {s && s.status !== 'open' && <Alert severity="info">This survey is {s.status}: it takes no answers.</Alert>}
        {lines && (
          <Table size="small" aria-label="Your answer per occupation">
            <TableHead>
              <TableRow>
                <TableCell>Occupation (SOC code)</TableCell>
                <TableCell>Expected openings</TableCell>
                <TableCell>Jobs that could exist</TableCell>
                <TableCell>Note</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {lines.map((l, i) => (
                <TableRow key={i} data-testid="demand-line">
                  <TableCell>
                    <TextField size="small" value={l.socCode} onChange={(e) => change(i, 'socCode', e.target.value)} placeholder="51-4041" error={!!err(i, 'socCode')} helperText={err(i, 'socCode')} slotProps={{ htmlInput: { 'aria-label': `Occupation ${i + 1}` } }} />
                  </TableCell>
                  <TableCell>
                    <TextField size="small" value={l.expectedOpenings} onChange={(e) => change(i, 'expectedOpenings', e.target.value)} error={!!err(i, 'expectedOpenings')} helperText={err(i, 'expectedOpenings')} slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `Expected openings ${i + 1}` } }} />
                  </TableCell>
                  <TableCell>
                    <TextField size="small" value={l.couldExistJobs} onChange={(e) => change(i, 'couldExistJobs', e.target.value)} error={!!err(i, 'couldExistJobs')} helperText={err(i, 'couldExistJobs')} slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-label': `Jobs that could exist ${i + 1}` } }} />
                  </TableCell>
                  <TableCell>
                    <TextField size="small" value={l.note} onChange={(e) => change(i, 'note', e.target.value)} error={!!err(i, 'note')} helperText={err(i, 'note')} slotProps={{ htmlInput: { 'aria-label': `Note ${i + 1}` } }} />
                  </TableCell>
                  <TableCell>
                    <IconButton aria-label={`Remove occupation ${i + 1}`} onClick={() => setLines((ls) => (ls ?? []).filter((_, j) => j !== i))}>
                      <DeleteOutline />
                    </IconButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Box sx={{ display: 'flex', gap: 1 }}>
          <Button onClick={() => setLines((ls) => [...(ls ?? []), blank()])} disabled={!lines}>
            Add an occupation
          </Button>
          <Button variant="contained" onClick={() => void save()} disabled={!lines || saving || s?.status !== 'open'}>
            Save your answer
          </Button>
          <Button component={Link} to="/demand-surveys">
            Back to the surveys
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
}
