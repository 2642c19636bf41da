import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Labeled, Show, SimpleShowLayout, TextField, useGetIdentity, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { Charter, CharterSignature } from '@tandem/contracts';
import { errorMessage, postJson } from '../../common/api';
import { humanize } from '../../common/choices';
import { DateTimeField } from '../../common/DateFields';
import { formatDateTime } from '../../common/formatDate';
import { StatusChip } from '../../common/StatusChip';
import { useApiGet } from '../../common/useApiGet';
import { useCan } from '../../common/useCan';

function Templates() {
  const charter = useRecordContext<Charter>();
  if (!charter) return null;
  return (
    <Table size="small" aria-label="Commitment templates">
      <TableHead>
        <TableRow>
          <TableCell>Commitment</TableCell>
          <TableCell>Applies to</TableCell>
          <TableCell align="right">Target</TableCell>
          <TableCell>What it asks</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {charter.templates.map((t) => (
          <TableRow key={t.id}>
            <TableCell>{humanize(t.kind)}</TableCell>
            <TableCell>{humanize(t.side)}</TableCell>
            <TableCell align="right">{t.target.toLocaleString()}</TableCell>
            <TableCell>{t.description}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Who signed this version (staff: every member; a firm: its own signature). */
function Signatures({ reloadKey }: { reloadKey: number }) {
  const charter = useRecordContext<Charter>();
  const canRead = useCan('charter-signatures.read');
  // the API refuses unknown query parameters: a signature made here reloads the list by key, not by a cache-busting parameter
  const signatures = useApiGet<CharterSignature[]>(charter && canRead ? `/api/charters/${charter.id}/signatures?range=${encodeURIComponent('[0,499]')}` : null);
  const { reload } = signatures;
  useEffect(() => {
    if (reloadKey > 0) reload();
  }, [reloadKey, reload]);
  if (!canRead) return null;
  if (signatures.status === 'loading') return <Typography variant="body2">Loading signatures…</Typography>;
  if (signatures.status === 'error') return <Alert severity="error">{signatures.message}</Alert>;
  if (signatures.data.length === 0) return <Typography variant="body2" color="text.secondary">No signature yet.</Typography>;
  return (
    <Table size="small" aria-label="Signatures">
      <TableHead>
        <TableRow>
          <TableCell>Member</TableCell>
          <TableCell>Signed by</TableCell>
          <TableCell>On</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {signatures.data.map((s) => (
          <TableRow key={s.id}>
            <TableCell>{s.organisationName}</TableCell>
            <TableCell>{s.signerName}</TableCell>
            <TableCell>{formatDateTime(s.signedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Publish (staff, a draft) or sign (a firm admin, the published version). */
function Actions({ onDone }: { onDone: () => void }) {
  const charter = useRecordContext<Charter>();
  const canWrite = useCan('charters.write');
  const canSign = useCan('charters.sign');
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!charter) return null;
  const act = async (path: string, done: string) => {
    setBusy(true);
    try {
      await postJson(`/api/charters/${charter.id}/${path}`);
      notify(done, { type: 'success' });
      refresh();
      onDone();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ display: 'flex', gap: 1 }}>
      {canWrite && charter.state === 'draft' && (
        <Button variant="contained" disabled={busy} onClick={() => act('publish', `Version ${charter.version} published; members are asked to sign it`)}>
          Publish
        </Button>
      )}
      {canSign && charter.state === 'published' && (
        <Button variant="contained" disabled={busy} onClick={() => act('sign', `You signed version ${charter.version} for your firm`)}>
          Sign for my firm
        </Button>
      )}
    </Box>
  );
}

export function CharterShow() {
  const [reloadKey, setReloadKey] = useState(0);
  const { identity } = useGetIdentity();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="summary" emptyText="—" />
        <Box sx={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
          <Labeled label="Version">
            <TextField source="version" />
          </Labeled>
          <Labeled label="State">
            <StatusChip source="state" />
          </Labeled>
          <Labeled label="Published">
            <DateTimeField source="publishedAt" emptyText="—" />
          </Labeled>
        </Box>
        <Actions onDone={() => setReloadKey((k) => k + 1)} />
        <Typography variant="h6">Commitments it holds</Typography>
        <Templates />
        <Typography variant="h6">{identity?.role === 'consortium_staff' || identity?.role === 'platform_admin' ? 'Who signed' : 'Your signature'}</Typography>
        <Signatures reloadKey={reloadKey} />
      </SimpleShowLayout>
    </Show>
  );
}
