import ListItemIcon from '@mui/material/ListItemIcon';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import QueueIcon from '@mui/icons-material/Queue';
import OpenInNew from '@mui/icons-material/OpenInNew';
import type { ComponentType } from 'react';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import ListSubheader from '@mui/material/ListSubheader';
import DefaultIcon from '@mui/icons-material/ViewList';
import { Menu as RaMenu, useCanAccess, useNotify, usePermissions, useResourceDefinitions, useSidebarState } from 'react-admin';
import type { TandemPermissions } from '../providers/authProvider';
import { menuFor, type MenuGroup } from '../resources/menu';
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

/** A task's heading; with the sidebar closed, a thin rule keeps the groups apart. */
function GroupHeading({ group }: { group: MenuGroup }) {
  const [open] = useSidebarState();
  if (!open) return <Divider sx={{ my: 0.5 }} />;
  return (
    <ListSubheader component="div" disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent', fontWeight: 600, letterSpacing: 0.4, textTransform: 'uppercase', fontSize: 12 }}>
      {group}
    </ListSubheader>
  );
}

/**
 * The menu of the signed-in role, grouped by task (Report, Review, Improve, Administer): only
 * what the role may read and works with (resources/menu.ts). Other readable pages still open
 * from links.
 */
export function Menu() {
  const { permissions } = usePermissions<TandemPermissions>();
  const resourceDefinitions = useResourceDefinitions();
  const groups = permissions ? menuFor(permissions.role, permissions.permissions) : [];
  return (
    <RaMenu data-testid="main-menu">
      <RaMenu.DashboardItem primaryText="Home" />
      {groups.map(({ group, items }) => (
        <Box key={group} role="group" aria-label={group} data-testid={`menu-group-${group}`}>
          <GroupHeading group={group} />
          {items.map(({ resource, label }) => {
            const Icon = resourceDefinitions[resource]?.icon as ComponentType | undefined;
            return <RaMenu.Item key={resource} to={`/${resource}`} primaryText={label} leftIcon={Icon ? <Icon /> : <DefaultIcon />} />;
          })}
          {group === 'Administer' && <QueuesMenuItem />}
        </Box>
      ))}
    </RaMenu>
  );
}
