import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router-dom';
import { Title } from 'react-admin';
import type { Reciprocity, ReciprocityCommitment } from '@tandem/contracts';
import { humanize } from '../../common/choices';
import { StateChip } from '../../common/StatusChip';
import { usePhone } from '../../common/ResponsiveList';
import { useApiGet } from '../../common/useApiGet';

function Side({ commitments }: { commitments: ReciprocityCommitment[] }) {
  if (commitments.length === 0) return <Typography variant="body2" color="text.secondary">no commitment this year</Typography>;
  return (
    <Stack spacing={0.5}>
      {commitments.map((c) => (
        <Box key={c.id} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <StateChip value={c.state} />
          <Typography variant="body2">
            {humanize(c.kind)}
            {c.actual !== null ? ` · ${c.actual.toLocaleString()} of ${c.target.toLocaleString()}` : ''}
          </Typography>
        </Box>
      ))}
    </Stack>
  );
}

type Row = Reciprocity['rows'][number];

/** A relationship on a phone: one block, the supplier's side above the customer's (a five-column table is wider than the screen). */
function RowBlock({ r }: { r: Row }) {
  return (
    <Card variant="outlined" data-testid={`reciprocity-${r.relationshipId}`}>
      <CardContent>
        <Typography variant="subtitle2">
          <Link to={`/supply-relationships/${r.relationshipId}/show`}>{r.supplierName}</Link>
        </Typography>
        <Side commitments={r.supplierCommitments} />
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {r.customerName}
        </Typography>
        <Side commitments={r.customerCommitments} />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {humanize(r.sourcingMode)}
          {r.sponsored ? ' · sponsored' : ''}
        </Typography>
      </CardContent>
    </Card>
  );
}

/** For each supply relationship one sees, the supplier's and the customer's commitments side by side, and the consortium's keep rates. */
export function ReciprocityPage() {
  const view = useApiGet<Reciprocity>('/api/reciprocity');
  const phone = usePhone();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Reciprocity" />
      {view.status === 'loading' && <Typography>Loading…</Typography>}
      {view.status === 'error' && <Alert severity="error">{view.message}</Alert>}
      {view.status === 'ok' && (
        <>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
            {view.data.keepRates.map((k) => (
              <Card key={k.side} variant="outlined" sx={{ flex: 1 }} data-testid={`keep-rate-${k.side}`}>
                <CardContent>
                  <Typography variant="overline">{k.side === 'supplier' ? 'Suppliers' : 'Customers'} keeping their word, {view.data.year}</Typography>
                  <Typography variant="h4">{k.keepRate === null ? '—' : `${k.keepRate} %`}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {k.suppressed ? 'withheld: too few members to show' : `${k.commitments} commitments of ${k.members} members met or on track, waivers aside`}
                  </Typography>
                </CardContent>
              </Card>
            ))}
          </Stack>
          {view.data.rows.length === 0 ? (
            <Typography color="text.secondary">No supply relationship to show.</Typography>
          ) : phone ? (
            <Stack spacing={1}>
              {view.data.rows.map((r) => (
                <RowBlock key={r.relationshipId} r={r} />
              ))}
            </Stack>
          ) : (
            <Table size="small" aria-label="Reciprocity">
              <TableHead>
                <TableRow>
                  <TableCell>Supplier</TableCell>
                  <TableCell>Its commitments</TableCell>
                  <TableCell>Customer</TableCell>
                  <TableCell>Its commitments</TableCell>
                  <TableCell>Sourcing</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {view.data.rows.map((r) => (
                  <TableRow key={r.relationshipId} data-testid={`reciprocity-${r.relationshipId}`}>
                    <TableCell>
                      <Link to={`/supply-relationships/${r.relationshipId}/show`}>{r.supplierName}</Link>
                    </TableCell>
                    <TableCell>
                      <Side commitments={r.supplierCommitments} />
                    </TableCell>
                    <TableCell>{r.customerName}</TableCell>
                    <TableCell>
                      <Side commitments={r.customerCommitments} />
                    </TableCell>
                    <TableCell>
                      {humanize(r.sourcingMode)}
                      {r.sponsored ? ' · sponsored' : ''}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </Box>
  );
}
