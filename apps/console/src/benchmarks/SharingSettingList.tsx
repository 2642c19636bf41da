import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Button, Title, useCanAccess, useGetIdentity, useGetList, useNotify } from 'react-admin';
import { DEFAULT_SHARED_CATEGORIES, METRIC_CATEGORIES, type MetricCategory, type SharingSetting, type SupplyRelationship } from '@tandem/contracts';
import { errorMessage, postJson, sendJson } from '../common/api';
import { humanize } from '../common/choices';
import { usePhone } from '../common/ResponsiveList';

interface CustomerProps {
  relationship: SupplyRelationship;
  setting: SharingSetting | undefined;
  editable: boolean;
  onSaved: () => void;
}

/** One customer of the firm: what it sees of the firm's own figures, saved on every click. */
function useCustomerSharing({ relationship, setting, onSaved }: CustomerProps) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const shared: readonly MetricCategory[] = setting?.categories ?? DEFAULT_SHARED_CATEGORIES;
  const save = async (next: MetricCategory[] | null) => {
    setBusy(true);
    try {
      if (next === null) await sendJson('DELETE', `/api/sharing-settings/${setting?.id}`);
      else if (setting) await sendJson('PUT', `/api/sharing-settings/${setting.id}`, { categories: next });
      else await postJson('/api/sharing-settings', { customerId: relationship.customerId, categories: next });
      notify(`${relationship.customerName} now sees ${(next ?? DEFAULT_SHARED_CATEGORIES).join(', ') || 'none of your own figures'}`, { type: 'success' });
      onSaved();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const toggle = (category: MetricCategory, on: boolean) => void save(METRIC_CATEGORIES.filter((c) => (c === category ? on : shared.includes(c))));
  return { busy, shared, save, toggle };
}

function CategoryBox({ category, props, state }: { category: MetricCategory; props: CustomerProps; state: ReturnType<typeof useCustomerSharing> }) {
  return (
    <Checkbox
      checked={state.shared.includes(category)}
      disabled={!props.editable || state.busy}
      onChange={(e) => state.toggle(category, e.target.checked)}
      slotProps={{ input: { 'aria-label': `${humanize(category)} for ${props.relationship.customerName}` } }}
    />
  );
}

function Choice({ props, state }: { props: CustomerProps; state: ReturnType<typeof useCustomerSharing> }) {
  return props.setting ? (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Chip size="small" label="Your choice" color="primary" variant="outlined" />
      {props.editable && <Button label="Back to default" disabled={state.busy} onClick={() => void state.save(null)} />}
    </Box>
  ) : (
    <Chip size="small" label="Default" variant="outlined" data-testid="sharing-default" />
  );
}

function CustomerName({ relationship }: { relationship: SupplyRelationship }) {
  return (
    <>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>
        {relationship.customerName}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {relationship.commodity}
      </Typography>
    </>
  );
}

/** On a phone: one block per customer, its categories as labelled boxes that wrap. */
function CustomerBlock(props: CustomerProps) {
  const state = useCustomerSharing(props);
  const { relationship } = props;
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} data-testid="sharing-row" data-customer={relationship.customerName}>
      <CustomerName relationship={relationship} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1 }}>
        {METRIC_CATEGORIES.map((category) => (
          <FormControlLabel key={category} label={humanize(category)} control={<CategoryBox category={category} props={props} state={state} />} />
        ))}
      </Box>
      <Choice props={props} state={state} />
    </Paper>
  );
}

function CustomerRow(props: CustomerProps) {
  const state = useCustomerSharing(props);
  const { relationship } = props;
  return (
    <TableRow data-testid="sharing-row" data-customer={relationship.customerName}>
      <TableCell component="th" scope="row">
        <CustomerName relationship={relationship} />
      </TableCell>
      {METRIC_CATEGORIES.map((category) => (
        <TableCell key={category} align="center" padding="checkbox">
          <CategoryBox category={category} props={props} state={state} />
        </TableCell>
      ))}
      <TableCell>
        <Choice props={props} state={state} />
      </TableCell>
    </TableRow>
  );
}

/**
 * What the firm shares with each of its customers, one row per customer and one checkbox per
 * metric category (benchmarks.md rule 8). A customer without a setting sees the default,
 * delivery and quality; its own reports about the firm it sees whatever is chosen here.
 */
export function SharingSettingList() {
  const { identity } = useGetIdentity();
  const organisationId = typeof identity?.organisationId === 'string' ? identity.organisationId : undefined;
  const { canAccess: editable = false } = useCanAccess({ resource: 'sharing-settings', action: 'edit' });
  const relationships = useGetList<SupplyRelationship>(
    'supply-relationships',
    { filter: { supplierId: organisationId }, pagination: { page: 1, perPage: 200 }, sort: { field: 'since', order: 'ASC' } },
    { enabled: Boolean(organisationId) },
  );
  const settings = useGetList<SharingSetting>('sharing-settings', { filter: { supplierId: organisationId }, pagination: { page: 1, perPage: 200 }, sort: { field: 'createdAt', order: 'ASC' } }, { enabled: Boolean(organisationId) });
  const settingOf = new Map((settings.data ?? []).map((s) => [s.customerId, s]));
  const error = relationships.error ?? settings.error;
  const phone = usePhone();
  const onSaved = () => {
    void relationships.refetch();
    void settings.refetch();
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Sharing with customers" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2, maxWidth: 760 }}>
        Choose which of your firm&apos;s own figures each customer may read, by category. Without a choice a customer sees delivery and quality. Drafts are never shared, and
        what a customer reports about you it always sees. A change holds from the customer&apos;s next page.
      </Typography>
      {error && <Alert severity="error">{errorMessage(error)}</Alert>}
      {(relationships.isPending || settings.isPending) && !error && <LinearProgress />}
      {relationships.data && settings.data && phone && (
        <Box sx={{ display: 'grid', gap: 1 }} data-testid="sharing-settings">
          {relationships.data.map((r) => (
            <CustomerBlock key={r.id} relationship={r} setting={settingOf.get(r.customerId)} editable={editable} onSaved={onSaved} />
          ))}
          {relationships.data.length === 0 && <Typography variant="body2">Your firm has no customer in this consortium yet.</Typography>}
        </Box>
      )}
      {relationships.data && settings.data && !phone && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" data-testid="sharing-settings">
            <TableHead>
              <TableRow>
                <TableCell>Customer</TableCell>
                {METRIC_CATEGORIES.map((c) => (
                  <TableCell key={c} align="center">
                    {humanize(c)}
                  </TableCell>
                ))}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {relationships.data.map((r) => (
                <CustomerRow
                  key={r.id}
                  relationship={r}
                  setting={settingOf.get(r.customerId)}
                  editable={editable}
                  onSaved={onSaved}
                />
              ))}
              {relationships.data.length === 0 && (
                <TableRow>
                  <TableCell colSpan={METRIC_CATEGORIES.length + 2}>Your firm has no customer in this consortium yet.</TableCell>
                </TableRow>
              )}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Box>
  );
}
