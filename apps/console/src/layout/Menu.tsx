import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import QueueIcon from '@mui/icons-material/Queue';
import OpenInNew from '@mui/icons-material/OpenInNew';
import { Menu as RaMenu, useCanAccess, useNotify, useSidebarState } from 'react-admin';
import { httpClient } from '../providers/httpClient';

/**
 * The BullMQ board is served by the API, outside the SPA, and a new tab cannot carry the
 * Authorization header: the console first asks for a board session (an HttpOnly cookie
 * scoped to /api/queues), then opens the board. No token ever travels in a URL.
 */
function QueuesMenuItem() {
  const { canAccess } = useCanAccess({ resource: 'queues', action: 'admin' });
  const [open] = useSidebarState();
  const notify = useNotify();
  if (!canAccess) return null;
  const openQueues = () => {
    // Opened before the await so the browser treats it as a response to the click, not a pop-up.
    const board = window.open('about:blank', '_blank');
    if (board) board.opener = null;
    httpClient('/api/queue-board/session', { method: 'POST', body: '{}' }).then(
      () => {
        if (board) board.location.href = '/api/queues';
      },
      () => {
        board?.close();
        notify('The queue board could not be opened', { type: 'error' });
      },
    );
  };
  return (
    <MenuItem
      onClick={openQueues}
      role="menuitem"
      aria-label="Queues"
      // lined up with react-admin's menu items (theme.ts gives them a 3 px left border)
      sx={{ color: 'text.secondary', borderLeft: '3px solid transparent', '& .MuiListItemIcon-root': { minWidth: 40, color: 'text.secondary' } }}
    >
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
