import { DataTable, ListBase, Pagination } from 'react-admin';

/**
 * GET /api/imports/{id}/errors is a simple-REST list of its own (row, column, message), so
 * react-admin pages and sorts it like any resource. The access check is the import's.
 */
export function ImportErrors({ importId }: { importId: string }) {
  return (
    <ListBase
      resource={`imports/${importId}/errors`}
      disableAuthentication
      disableSyncWithLocation
      storeKey={false}
      perPage={10}
      sort={{ field: 'rowNumber', order: 'ASC' }}
    >
      <DataTable bulkActionButtons={false} rowClick={false} data-testid="import-errors">
        <DataTable.NumberCol source="rowNumber" label="Row" options={{ useGrouping: false }} />
        <DataTable.Col source="column" label="Column" />
        <DataTable.Col source="message" label="Message" disableSort />
      </DataTable>
      <Pagination rowsPerPageOptions={[10, 25, 50]} />
    </ListBase>
  );
}
