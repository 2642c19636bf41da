import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { Title } from 'react-admin';
import { FEEDBACK_QUESTION_LABELS, type CustomerFeedbackSummary, type FeedbackQuestionSummary, type FeedbackSubjectSummary } from '@tandem/contracts';
import { usePhone } from '../../common/ResponsiveList';
import { useApiGet } from '../../common/useApiGet';
import { isCollecting, usePeriods } from './useFeedbackChoices';

const SHORT: Record<string, string> = {
  forecastStability: 'Forecasts',
  paymentOnTime: 'Payment',
  rebidThreat: 'No rebid threat',
  helpReceived: 'Help',
  wouldRecommend: 'Recommend',
};

function Figure({ q }: { q: FeedbackQuestionSummary }) {
  if (q.mean !== null) return <span data-testid="feedback-mean">{q.mean.toFixed(2)}</span>;
  return <Chip size="small" variant="outlined" label={q.withheldMessage ?? 'withheld'} data-testid="feedback-withheld" />;
}

function SubjectCard({ s }: { s: FeedbackSubjectSummary }) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="feedback-subject" data-customer={s.customerName}>
      <Typography variant="subtitle1">{s.customerName}</Typography>
      <Typography variant="body2" color="text.secondary">
        {s.answering === null ? 'Too few answers to show' : `${s.answering} suppliers answered`}
      </Typography>
      {s.questions.map((q) => (
        <Box key={q.question} sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, mt: 0.5 }}>
          <Typography variant="body2">{FEEDBACK_QUESTION_LABELS[q.question]}</Typography>
          <Figure q={q} />
        </Box>
      ))}
    </Paper>
  );
}

function SummaryTable({ summary }: { summary: CustomerFeedbackSummary }) {
  const phone = usePhone();
  if (phone) {
    return (
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
        {summary.subjects.map((s) => (
          <SubjectCard key={s.customerId ?? 'all'} s={s} />
        ))}
      </Box>
    );
  }
  const questions = summary.subjects[0]?.questions.map((q) => q.question) ?? [];
  return (
    <Table size="small" aria-label="What suppliers say, per customer">
      <TableHead>
        <TableRow>
          <TableCell>Customer</TableCell>
          <TableCell align="right">Suppliers answering</TableCell>
          {questions.map((q) => (
            <TableCell key={q} align="right" title={FEEDBACK_QUESTION_LABELS[q]}>
              {SHORT[q]}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {summary.subjects.map((s) => (
          <TableRow key={s.customerId ?? 'all'} data-testid="feedback-subject" data-customer={s.customerName}>
            <TableCell sx={{ fontWeight: s.customerId === null ? 600 : undefined }}>{s.customerName}</TableCell>
            <TableCell align="right">{s.answering ?? '—'}</TableCell>
            {s.questions.map((q) => (
              <TableCell key={q.question} align="right">
                <Figure q={q} />
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * What suppliers say about customers (suppliers' voice): averages of 1–5 scores, per customer
 * the reader may name and over all customers, only where enough suppliers answered that no
 * single answer can be read back. Nothing is shown while a period still collects answers.
 */
export function CustomerFeedbackSummaryPage() {
  const { periods, isPending, error } = usePeriods();
  const [periodId, setPeriodId] = useState<string>('');
  // the latest period whose answers are final, else the latest one
  useEffect(() => {
    if (periodId || periods.length === 0) return;
    setPeriodId((periods.find((p) => !isCollecting(p)) ?? periods[0])?.id ?? '');
  }, [periods, periodId]);
  const summary = useApiGet<CustomerFeedbackSummary>(periodId ? `/api/customer-feedback/summary?periodId=${encodeURIComponent(periodId)}` : null);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="What suppliers say" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Suppliers rate their customers each period, 1 (poor) to 5 (excellent), anonymously. An average is shown only where at least the consortium&apos;s threshold of suppliers
          answered besides you, so that nobody&apos;s answer can be read back; the line for all customers covers the customers shown.
        </Typography>
        <TextField select size="small" label="Period" value={periodId} onChange={(e) => setPeriodId(e.target.value)} sx={{ minWidth: 200, mb: 2 }} slotProps={{ htmlInput: { 'data-testid': 'feedback-period' } }}>
          {periods.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.code}
              {isCollecting(p) ? ' (collecting answers)' : ''}
            </MenuItem>
          ))}
        </TextField>
        {(isPending || (periodId && summary.status === 'loading')) && <LinearProgress />}
        {error && <Alert severity="error">Could not load the periods</Alert>}
        {summary.status === 'error' && <Alert severity="error">{summary.message}</Alert>}
        {summary.status === 'ok' && summary.data.collecting && (
          <Alert severity="info" data-testid="feedback-collecting">
            {summary.data.periodCode} is still collecting answers: the summary appears once the period has closed.
          </Alert>
        )}
        {summary.status === 'ok' && !summary.data.collecting && summary.data.subjects.length <= 1 && summary.data.subjects.every((s) => s.answering === null) && (
          <Alert severity="info">Not enough answers in {summary.data.periodCode} to show anything.</Alert>
        )}
        {summary.status === 'ok' && !summary.data.collecting && summary.data.subjects.length > 0 && <SummaryTable summary={summary.data} />}
      </CardContent>
    </Card>
  );
}
