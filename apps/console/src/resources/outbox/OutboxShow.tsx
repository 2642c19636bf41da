import { DateField, Labeled, NumberField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import Box from '@mui/material/Box';
import type { OutboxMessage } from '@tandem/contracts';
import { StatusChip } from '../../common/StatusChip';

function MessageBody() {
  const message = useRecordContext<OutboxMessage>();
  if (!message) return null;
  return (
    <Box component="pre" sx={{ m: 0, p: 2, bgcolor: 'grey.100', borderRadius: 1, whiteSpace: 'pre-wrap', fontSize: 13, maxWidth: 800 }}>
      {message.text}
    </Box>
  );
}

export function OutboxShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="to" label="To" />
        <TextField source="subject" />
        <TextField source="kind" />
        <StatusChip source="status" />
        <NumberField source="attempts" />
        <TextField source="lastError" label="Last error" emptyText="—" />
        <DateField source="createdAt" label="Queued" showTime />
        <DateField source="sentAt" label="Sent" showTime emptyText="—" />
        <Labeled label="Message">
          <MessageBody />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
