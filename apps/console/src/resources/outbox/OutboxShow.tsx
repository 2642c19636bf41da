import { Labeled, NumberField, Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import Lock from '@mui/icons-material/Lock';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { OutboxMessage } from '@tandem/contracts';
import { StatusChip } from '../../common/StatusChip';
import { HIDDEN_TEXT, SensitiveField } from './SensitiveField';
import { DateTimeField } from '../../common/DateFields';

function MessageBody() {
  const message = useRecordContext<OutboxMessage>();
  if (!message) return null;
  if (message.text === null) {
    return (
      <Alert severity="info" icon={<Lock />} sx={{ maxWidth: 800 }} data-testid="message-hidden">
        {HIDDEN_TEXT}
      </Alert>
    );
  }
  return (
    <Box component="pre" data-testid="message-text" sx={{ m: 0, p: 2, bgcolor: 'grey.100', borderRadius: 1, whiteSpace: 'pre-wrap', fontSize: 13, maxWidth: 800 }}>
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
        <Labeled label="Personal link">
          <SensitiveField withLabel />
        </Labeled>
        <StatusChip source="status" />
        <NumberField source="attempts" />
        <TextField source="lastError" label="Last error" emptyText="—" />
        <DateTimeField source="createdAt" label="Queued" />
        <DateTimeField source="sentAt" label="Sent" emptyText="—" />
        <Labeled label="Message">
          <MessageBody />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
