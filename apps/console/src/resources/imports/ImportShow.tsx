import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import Cancel from '@mui/icons-material/Cancel';
import CheckCircle from '@mui/icons-material/CheckCircle';
import Download from '@mui/icons-material/Download';
import ListAlt from '@mui/icons-material/ListAlt';
import { LinkBase, ShowBase, Title, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { Import } from '@tandem/contracts';
import { downloadFile, errorMessage, postJson } from '../../common/api';
import { formatDateTime } from '../../common/formatDate';
import { StateChip } from '../../common/StatusChip';
import { ImportErrors } from './ImportErrors';
import { ImportSteps } from './ImportSteps';

const BUSY = ['uploaded', 'parsing', 'committing'];
const POLL_MS = 500;

function Counts({ record }: { record: Import }) {
  const items = [
    { label: 'Rows', value: record.totalRows, id: 'total' },
    { label: 'Valid', value: record.validRows, id: 'valid' },
    { label: 'With errors', value: record.errorRows, id: 'errors' },
    { label: 'Committed', value: record.committedRows, id: 'committed' },
  ];
  return (
    <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
      {items.map((item) => (
        <Box key={item.id}>
          <Typography variant="caption" color="text.secondary">
            {item.label}
          </Typography>
          <Typography variant="h5" component="p" data-testid={`import-count-${item.id}`}>
            {item.value.toLocaleString()}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}

/** The progress figure the worker writes, as a bar; "Checked" once parsing is over. */
function Progress({ record }: { record: Import }) {
  const checking = record.status === 'uploaded' || record.status === 'parsing';
  const committing = record.status === 'committing';
  const value = checking ? record.progress : 100;
  return (
    <Box>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mb: 0.5 }}>
        <Typography variant="body2">{checking ? 'Checking rows…' : committing ? 'Committing the valid rows…' : record.status === 'failed' ? 'The file was refused' : 'Checked'}</Typography>
        <Typography variant="body2" data-testid="import-progress-text">
          {value} %
        </Typography>
      </Box>
      <LinearProgress
        variant={committing ? 'indeterminate' : 'determinate'}
        value={value}
        color={record.status === 'failed' ? 'error' : record.status === 'parsed' || record.status === 'committed' ? 'success' : 'primary'}
        sx={{ height: 10, borderRadius: 5 }}
        data-testid="import-progress"
        aria-label="Import progress"
      />
    </Box>
  );
}

function Review({ record }: { record: Import }) {
  const { canAccess } = useCanAccess({ resource: 'imports', action: 'create' });
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const act = async (verb: 'commit' | 'cancel') => {
    setBusy(true);
    try {
      await postJson(`/api/imports/${record.id}/${verb}`);
      notify(verb === 'commit' ? `Committing ${record.validRows} valid rows` : 'Import cancelled; nothing was committed', { type: 'info' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const download = async () => {
    try {
      await downloadFile(`/api/imports/${record.id}/errors.csv`, `import-${record.id}-errors.csv`);
    } catch (error) {
      notify(errorMessage(error, 'The error report could not be downloaded'), { type: 'error' });
    }
  };
  return (
    <>
      {record.errorRows > 0 ? (
        <Alert severity="warning">
          {record.errorRows} of {record.totalRows} rows have errors and will not be imported. Fix them in your file and import it again, or commit the{' '}
          {record.validRows} valid rows now.
        </Alert>
      ) : (
        <Alert severity="success">All {record.totalRows} rows are valid.</Alert>
      )}
      {record.errorRows > 0 && <ImportErrors importId={record.id} />}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {record.errorRows > 0 && (
          <Button variant="outlined" startIcon={<Download />} onClick={() => void download()}>
            Download error report
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        {canAccess && (
          <>
            <Button variant="outlined" color="inherit" startIcon={<Cancel />} disabled={busy} onClick={() => void act('cancel')}>
              Cancel import
            </Button>
            <Button variant="contained" startIcon={<CheckCircle />} disabled={busy || record.validRows === 0} onClick={() => void act('commit')}>
              Commit valid rows
            </Button>
          </>
        )}
      </Box>
    </>
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Said instead of the error list once the retention job deleted it: the rows had errors, the report is gone. */
function PurgedErrors({ record, purgedAt }: { record: Import; purgedAt: string }) {
  const days = Math.floor((Date.parse(purgedAt) - Date.parse(record.createdAt)) / DAY_MS);
  return (
    <Alert severity="info" data-testid="import-errors-purged">
      The error report of this import ({record.errorRows.toLocaleString()} rows with errors) was deleted on {formatDateTime(purgedAt)}, {days} days after the upload:
      the error reports of cancelled and failed imports are not kept for ever.
    </Alert>
  );
}

function ImportWizard() {
  const record = useRecordContext<Import>();
  if (!record) return <LinearProgress sx={{ mt: 2 }} />;
  const valuesLink = `/metric-values?filter=${encodeURIComponent(JSON.stringify({ source: 'csv', status: 'submitted' }))}&sort=updatedAt&order=DESC`;
  return (
    <Box sx={{ mt: 2 }} data-testid="import-wizard">
      <Title title={`Import · ${record.filename}`} />
      <Card>
        <ImportSteps status={record.status} />
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <Typography variant="h6" sx={{ flex: 1 }}>
              {record.filename}
            </Typography>
            <StateChip value={record.status} />
          </Box>
          <Progress record={record} />
          <Counts record={record} />
          {record.status === 'failed' && <Alert severity="error">{record.fileError ?? 'The file was refused.'}</Alert>}
          {record.status === 'parsed' && <Review record={record} />}
          {record.status === 'committed' && (
            <Alert
              severity="success"
              action={
                <Button component={LinkBase} to={valuesLink} startIcon={<ListAlt />} color="inherit">
                  See the values
                </Button>
              }
            >
              {record.committedRows} rows committed as submitted values; staff validate them next.
            </Alert>
          )}
          {record.status === 'cancelled' && <Alert severity="info">This import was cancelled; nothing was committed.</Alert>}
          {record.errorsPurgedAt && <PurgedErrors record={record} purgedAt={record.errorsPurgedAt} />}
          {(record.status === 'committed' || record.status === 'cancelled') && record.errorRows > 0 && !record.errorsPurgedAt && (
            <>
              <Typography variant="subtitle2">Rows that were not imported</Typography>
              <ImportErrors importId={record.id} />
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}

/** Steps 2–4 of the wizard; polls the import while the worker is busy with it. */
export function ImportShow() {
  return (
    <ShowBase
      queryOptions={{
        refetchInterval: (query) => {
          const status = (query.state.data as Import | undefined)?.status;
          return status && BUSY.includes(status) ? POLL_MS : false;
        },
      }}
    >
      <ImportWizard />
    </ShowBase>
  );
}
