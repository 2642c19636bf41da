import { DeleteButton, Labeled, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../../common/DateFields';

/** One representation: staff end it here or from the list. */
export function UnionRepresentationShow() {
  return (
    <Show
      title="Union representation"
      actions={
        <TopToolbar>
          <DeleteButton mutationMode="pessimistic" label="End" confirmTitle="End this representation?" confirmContent="The union's representatives stop reading and co-approving this firm's training plans." />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <Labeled label="Firm">
          <TextField source="firmName" />
        </Labeled>
        <Labeled label="Represented by">
          <TextField source="unionName" />
        </Labeled>
        <Labeled label="Since">
          <DateTimeField source="createdAt" />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
