import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import QueueIcon from '@mui/icons-material/Queue';
import OpenInNew from '@mui/icons-material/OpenInNew';
import { Menu as RaMenu, useCanAccess, useSidebarState } from 'react-admin';
import { getAccessToken } from '../providers/session';

/**
 * The BullMQ board is served by the API, outside the SPA; it authenticates with the access
 * token in the query string because a new tab cannot carry the Authorization header.
 */
function QueuesMenuItem() {
  const { canAccess } = useCanAccess({ resource: 'queues', action: 'admin' });
  const [open] = useSidebarState();
  if (!canAccess) return null;
  const openQueues = () => {
    const token = getAccessToken() ?? '';
    window.open(`/api/queues?token=${encodeURIComponent(token)}`, '_blank', 'noopener');
  };
  return (
    <MenuItem onClick={openQueues} role="menuitem" aria-label="Queues" sx={{ color: 'text.secondary' }}>
      <ListItemIcon>
        <QueueIcon fontSize="small" />
      </ListItemIcon>
      {open && (
        <>
          <Typography variant="inherit" sx={{ flex: 1 }}>
            Queues
          </Typography>
          <OpenInNew sx={{ fontSize: 14, opacity: 0.6 }} />
        </>
      )}
    </MenuItem>
  );
}

export function Menu() {
  return (
    <RaMenu data-testid="main-menu">
      <RaMenu.DashboardItem />
      <RaMenu.ResourceItems />
      <QueuesMenuItem />
    </RaMenu>
  );
}
