import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import ContentCopy from '@mui/icons-material/ContentCopy';
import { Create, SimpleForm, useRedirect } from 'react-admin';
import type { ApiKey } from '@tandem/contracts';
import { apiKeyBody, ApiKeyInputs } from './ApiKeyInputs';

/** Clipboard API where the page is a secure context; the older selection copy elsewhere. */
async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // fall through to the selection copy
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok;
}

/** The secret exists in the browser only here: the API stores a hash and never returns it again. */
function NewKeyDialog({ apiKey, onClose }: { apiKey: ApiKey; onClose: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    setCopied(await copyText(apiKey.key ?? ''));
  };
  return (
    <Dialog open fullWidth maxWidth="sm" aria-labelledby="new-key-title">
      <DialogTitle id="new-key-title">API key “{apiKey.name}” created</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy the key now. It is shown only once; Tandem keeps only a hash of it.
        </Alert>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 1.5, bgcolor: 'grey.100', borderRadius: 1 }}>
          <Box component="code" data-testid="api-key-secret" sx={{ flex: 1, fontSize: 14, wordBreak: 'break-all' }}>
            {apiKey.key}
          </Box>
          <Tooltip title={copied ? 'Copied' : 'Copy to clipboard'}>
            <IconButton onClick={copy} aria-label="Copy key">
              <ContentCopy />
            </IconButton>
          </Tooltip>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          I have copied the key
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function ApiKeyCreate() {
  const [created, setCreated] = useState<ApiKey | null>(null);
  const redirect = useRedirect();
  return (
    <>
      <Create transform={apiKeyBody} mutationOptions={{ onSuccess: (data: ApiKey) => setCreated(data) }}>
        <SimpleForm warnWhenUnsavedChanges>
          <ApiKeyInputs />
        </SimpleForm>
      </Create>
      {created && (
        <NewKeyDialog
          apiKey={created}
          onClose={() => {
            setCreated(null);
            redirect('list', 'api-keys');
          }}
        />
      )}
    </>
  );
}
