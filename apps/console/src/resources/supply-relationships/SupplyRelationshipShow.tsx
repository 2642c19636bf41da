import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import EditNote from '@mui/icons-material/EditNote';
import {
  ArrayField,
  BooleanField,
  Button,
  DataTable,
  EditButton,
  Labeled,
  LinkBase,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
  useCanAccess,
  usePermissions,
  useRecordContext,
  WithRecord,
} from 'react-admin';
import type { Scorecard, SupplyRelationship } from '@tandem/contracts';
import type { TandemPermissions } from '../../providers/authProvider';
import { sourcingModeChoices } from '../../common/enumChoices';
import { StatusChip } from '../../common/StatusChip';
import { scoreText, StandingField } from '../scorecards/StandingChip';
import { StandingHistory } from '../scorecards/StandingHistory';
import { DateTimeField, DayField } from '../../common/DateFields';

function Title() {
  const r = useRecordContext<SupplyRelationship>();
  return <span>{r ? `${r.supplierName} → ${r.customerName}` : 'Supply relationship'}</span>;
}

/** A buyer reports OTD and PPM about its supplier in the entry grid, opened on this supplier. */
function ReportAboutSupplierButton() {
  const r = useRecordContext<SupplyRelationship>();
  const { permissions } = usePermissions<TandemPermissions>();
  const { canAccess } = useCanAccess({ resource: 'metric-values', action: 'create' });
  if (!r || !canAccess || permissions?.role !== 'customer_buyer') return null;
  return (
    <Button component={LinkBase} to={`/metric-values/create?organisationId=${r.supplierId}`} label={`Report about ${r.supplierName}`}>
      <EditNote />
    </Button>
  );
}

export function SupplyRelationshipShow() {
  return (
    <Show
      title={<Title />}
      actions={
        <TopToolbar>
          <ReportAboutSupplierButton />
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="Scorecards">
          <Box sx={{ display: 'flex', gap: 6, flexWrap: 'wrap' }}>
            <Labeled label="Supplier">
              <TextField source="supplierName" />
            </Labeled>
            <Labeled label="Customer">
              <TextField source="customerName" />
            </Labeled>
            <Labeled label="Commodity">
              <TextField source="commodity" />
            </Labeled>
            <Labeled label="Sourcing mode">
              <SelectField source="sourcingMode" choices={sourcingModeChoices} />
            </Labeled>
          </Box>
          <Typography variant="h6" sx={{ mt: 1 }}>
            Standing history
          </Typography>
          <WithRecord<SupplyRelationship> render={(r) => <StandingHistory relationshipId={r.id} />} />
          <Typography variant="h6" sx={{ mt: 2 }}>
            Scorecards
          </Typography>
          <ReferenceManyField reference="scorecards" target="relationshipId" label={false} sort={{ field: 'computedAt', order: 'DESC' }} perPage={10}>
            <DataTable rowClick="show" bulkActionButtons={false} data-testid="relationship-scorecards">
              <DataTable.Col source="periodId" label="Period" disableSort>
                <ReferenceField source="periodId" reference="periods" link={false} />
              </DataTable.Col>
              {/* a customer's view may withhold score and standing (the supplier does not share a criterion): not sortable */}
              <DataTable.Col source="score" disableSort align="right" render={(s: Scorecard) => scoreText(s.score)} />
              <DataTable.Col source="standing" disableSort>
                <StandingField />
              </DataTable.Col>
              <DataTable.Col source="computedAt" label="Computed">
                <DateTimeField source="computedAt" />
              </DataTable.Col>
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Corrective actions" path="corrective-actions">
          <ReferenceManyField reference="corrective-action-plans" target="relationshipId" label={false} sort={{ field: 'createdAt', order: 'DESC' }}>
            <DataTable rowClick="show" bulkActionButtons={false}>
              <DataTable.Col source="title" />
              <DataTable.Col source="standing">
                <StatusChip source="standing" />
              </DataTable.Col>
              <DataTable.Col source="status">
                <StatusChip source="status" />
              </DataTable.Col>
              <DataTable.Col source="dueOn" label="Due" field={DayField} />
            </DataTable>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="Details" path="details">
          <TextField source="supplierName" label="Supplier" />
          <TextField source="customerName" label="Customer" />
          <TextField source="commodity" />
          <TextField source="spendBand" label="Spend band" />
          <SelectField source="sourcingMode" label="Sourcing mode" choices={sourcingModeChoices} />
          <BooleanField source="sponsored" />
          <DayField source="since" />
          <Typography variant="h6" sx={{ mt: 1 }}>
            Sourcing mode history
          </Typography>
          <ArrayField source="modeChanges" label={false}>
            <DataTable bulkActionButtons={false} rowClick={false} data-testid="mode-history">
              <DataTable.Col source="effectiveOn" label="Effective" field={DayField} />
              <DataTable.Col source="fromMode" label="From">
                <SelectField source="fromMode" choices={sourcingModeChoices} emptyText="—" />
              </DataTable.Col>
              <DataTable.Col source="toMode" label="To">
                <SelectField source="toMode" choices={sourcingModeChoices} />
              </DataTable.Col>
              <DataTable.Col source="reason" />
            </DataTable>
          </ArrayField>
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
}
