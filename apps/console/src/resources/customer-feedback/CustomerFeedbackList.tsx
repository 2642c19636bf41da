import Insights from '@mui/icons-material/Insights';
import { Button, CreateButton, DataTable, List, TopToolbar, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import type { CustomerFeedback } from '@tandem/contracts';
import { ResponsiveList } from '../../common/ResponsiveList';
import { isCollecting, useMyCustomers, usePeriods } from './useFeedbackChoices';

function Actions() {
  return (
    <TopToolbar>
      <Button component={Link} to="/customer-feedback/summary" label="What suppliers say" startIcon={<Insights />} />
      <CreateButton label="Rate a customer" />
    </TopToolbar>
  );
}

function Rows() {
  const { byId } = useMyCustomers();
  const { periods } = usePeriods();
  const periodOf = (id: string) => periods.find((p) => p.id === id);
  const customer = (r: CustomerFeedback) => byId.get(r.customerId) ?? 'a former customer';
  const period = (r: CustomerFeedback) => periodOf(r.periodId)?.code ?? '';
  const open = (r: CustomerFeedback) => {
    const p = periodOf(r.periodId);
    return p ? isCollecting(p) : false;
  };
  const scores = (r: CustomerFeedback) => `${r.forecastStability} · ${r.paymentOnTime} · ${r.rebidThreat} · ${r.helpReceived} · ${r.wouldRecommend}`;
  return (
    <ResponsiveList<CustomerFeedback & RaRecord>
      primaryText={(r) => `${customer(r)} · ${period(r)}`}
      secondaryText={(r) => `Scores ${scores(r)}`}
      tertiaryText={(r) => (open(r) ? 'open' : 'final')}
      rowClick={(_id, _resource, r) => (open(r as CustomerFeedback) ? 'edit' : false)}
    >
      <DataTable<CustomerFeedback & RaRecord> bulkActionButtons={false} rowClick={(_id, _resource, r) => (open(r as CustomerFeedback) ? 'edit' : false)}>
        <DataTable.Col label="Period" render={period} />
        <DataTable.Col label="Customer" render={customer} />
        <DataTable.Col label="Forecasts" source="forecastStability" />
        <DataTable.Col label="Payment" source="paymentOnTime" />
        <DataTable.Col label="No rebid threat" source="rebidThreat" />
        <DataTable.Col label="Help" source="helpReceived" />
        <DataTable.Col label="Recommend" source="wouldRecommend" />
        <DataTable.Col label="State" render={(r) => (open(r as CustomerFeedback) ? 'Open: you may change it' : 'Final')} />
      </DataTable>
    </ResponsiveList>
  );
}

/** A supplier's own answers about its customers; nobody else reads them. */
export function CustomerFeedbackList() {
  return (
    <List actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }} empty={false} title="Rate your customers">
      <Rows />
    </List>
  );
}
