import { useRef, useState, type ChangeEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import CloudUpload from '@mui/icons-material/CloudUpload';
import InsertDriveFile from '@mui/icons-material/InsertDriveFile';
import { LinkBase, Title, useCanAccess, useNotify, useRedirect } from 'react-admin';
import { IMPORT_OPTIONAL_COLUMNS, IMPORT_REQUIRED_COLUMNS, MAX_IMPORT_BYTES, type Import } from '@tandem/contracts';
import { httpClient } from '../../providers/httpClient';
import { errorMessage, fieldErrors } from '../../common/api';
import { ImportSteps } from './ImportSteps';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The imports a refused upload names as not finished (problem paths `imports/{id}`, as fields `imports.{id}`), to open and commit or cancel. */
function inFlightOf(error: unknown): { id: string; message: string }[] {
  return Object.entries(fieldErrors(error))
    .filter(([field]) => field.startsWith('imports.'))
    .map(([field, message]) => ({ id: field.slice('imports.'.length), message }));
}

/** Step 1 of the import wizard: choose and upload the file; the worker checks it next. */
export function ImportCreate() {
  const { canAccess, isPending } = useCanAccess({ resource: 'imports', action: 'create' });
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [inFlight, setInFlight] = useState<{ id: string; message: string }[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const notify = useNotify();
  const redirect = useRedirect();

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setProblem(null);
    setFile(event.target.files?.[0] ?? null);
  };

  async function upload() {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setProblem(`The file is larger than the ${size(MAX_IMPORT_BYTES)} an import accepts`);
      return;
    }
    setUploading(true);
    setProblem(null);
    setInFlight([]);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const { json } = await httpClient('/api/imports', { method: 'POST', body: form });
      const created = json as Import;
      notify(`${created.filename} uploaded; checking its rows`, { type: 'info' });
      redirect('show', 'imports', created.id);
    } catch (error) {
      setProblem(errorMessage(error, 'The upload failed'));
      setInFlight(inFlightOf(error));
    } finally {
      setUploading(false);
    }
  }

  if (isPending) return <LinearProgress sx={{ mt: 2 }} />;
  if (!canAccess) return <Alert severity="info" sx={{ mt: 2 }}>Your role does not import values.</Alert>;

  return (
    <Box sx={{ mt: 2 }} data-testid="import-wizard">
      <Title title="Import values from a CSV file" />
      <Card>
        <ImportSteps status={null} />
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 880 }}>
          <Typography variant="body2">
            One value per line. Columns: <strong>{IMPORT_REQUIRED_COLUMNS.join(', ')}</strong> (required), {IMPORT_OPTIONAL_COLUMNS.join(', ')} (optional).
            UTF-8, comma or semicolon separated; numbers without units (95.5, not “95%”). Periods are written 2026-Q3 or 2026-09.
          </Typography>
          <Box
            component="pre"
            sx={{ m: 0, p: 1.5, bgcolor: 'grey.100', borderRadius: 1, fontSize: 12, overflowX: 'auto' }}
          >{`org_code,period,metric,value,numerator,denominator,note
acme-castings,2026-Q3,LEAD_TIME,12.5,,,
acme-castings,2026-Q3,OTD,,188,200,customer portal export`}</Box>
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <input ref={input} type="file" accept=".csv,text/csv" hidden onChange={choose} data-testid="import-file" aria-label="CSV file" />
            <Button variant="outlined" startIcon={<InsertDriveFile />} onClick={() => input.current?.click()} disabled={uploading}>
              Choose a CSV file
            </Button>
            <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'} data-testid="import-file-name">
              {file ? `${file.name} · ${size(file.size)}` : 'No file chosen'}
            </Typography>
            <Box sx={{ flex: 1 }} />
            <Button variant="contained" startIcon={<CloudUpload />} onClick={() => void upload()} disabled={!file || uploading}>
              Upload and check
            </Button>
          </Box>
          {uploading && <LinearProgress />}
          {problem && (
            <Alert severity="error" data-testid="import-upload-problem">
              {problem}
              {inFlight.length > 0 && (
                <Box component="ul" sx={{ m: 0, mt: 1, pl: 2 }}>
                  {inFlight.map((i) => (
                    <li key={i.id}>
                      <LinkBase to={`/imports/${i.id}/show`}>{i.message}</LinkBase>
                    </li>
                  ))}
                </Box>
              )}
            </Alert>
          )}
        </CardContent>
      </Card>
    </Box>
  );
}
