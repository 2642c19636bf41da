import { useState } from 'react';
import Block from '@mui/icons-material/Block';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import { Button, useCanAccess, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { MetricDefinition } from '@tandem/contracts';
import { errorMessage, sendJson } from '../../common/api';

/** Staff disable a catalogue entry (its values stay; no new ones are accepted) or enable it again. */
export function ToggleEnabledButton() {
  const metric = useRecordContext<MetricDefinition>();
  const { canAccess } = useCanAccess({ resource: 'metric-definitions', action: 'edit' });
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!metric || !canAccess) return null;
  const toggle = async () => {
    setBusy(true);
    try {
      await sendJson('PATCH', `/api/metric-definitions/${metric.id}`, { enabled: !metric.enabled });
      notify(`${metric.code} ${metric.enabled ? 'disabled' : 'enabled'}`, { type: 'success' });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      label={metric.enabled ? 'Disable' : 'Enable'}
      color={metric.enabled ? 'warning' : 'success'}
      disabled={busy}
      onClick={(e) => {
        e.stopPropagation();
        void toggle();
      }}
    >
      {metric.enabled ? <Block /> : <CheckCircleOutline />}
    </Button>
  );
}
