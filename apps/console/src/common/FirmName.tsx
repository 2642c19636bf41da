import Typography from '@mui/material/Typography';
import { useGetList, useGetManyAggregate, useRecordContext } from 'react-admin';
import type { Organisation, SupplyRelationship } from '@tandem/contracts';

/**
 * The name of a firm the record names by id. Non-staff users read only their own
 * organisation, so a supplier's customers and a buyer's suppliers are named from the supply
 * relationships the user can see (both carry the two names).
 */
export function FirmName({ source, emptyText = '—' }: { source: string; label?: string; emptyText?: string }) {
  const record = useRecordContext();
  const id = typeof record?.[source] === 'string' ? (record[source] as string) : undefined;
  const { data: organisations, isPending } = useGetManyAggregate<Organisation>('organisations', { ids: id ? [id] : [] }, { enabled: Boolean(id) });
  const found = organisations?.find((o) => o?.id === id);
  const { data: relationships } = useGetList<SupplyRelationship>(
    'supply-relationships',
    { pagination: { page: 1, perPage: 200 }, sort: { field: 'since', order: 'ASC' }, filter: {} },
    { enabled: Boolean(id) && !isPending && !found },
  );
  const text = (value: string) => (
    <Typography variant="body2" component="span">
      {value}
    </Typography>
  );
  if (!id) return text(emptyText);
  if (found) return text(found.name);
  const relationship = relationships?.find((r) => r.supplierId === id || r.customerId === id);
  const name = relationship ? (relationship.supplierId === id ? relationship.supplierName : relationship.customerName) : undefined;
  return text(name ?? emptyText);
}
