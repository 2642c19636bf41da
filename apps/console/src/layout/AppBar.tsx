import { useState, type MouseEvent } from 'react';
import AccountCircle from '@mui/icons-material/AccountCircle';
import Avatar from '@mui/material/Avatar';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { AppBar as RaAppBar, Logout, TitlePortal, useGetIdentity, useNavigate, usePermissions } from 'react-admin';
import { ROLE_LABELS } from '@tandem/contracts';
import { useMyInvitations } from '../profile/api';
import type { TandemPermissions } from '../providers/authProvider';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

/**
 * Who is signed in and under which role (people with several assignments must see which
 * one acts), opening the account menu.
 */
function SessionMenu() {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<TandemPermissions>();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const navigate = useNavigate();
  const invitations = useMyInvitations({ enabled: Boolean(identity) });
  const pending = invitations.data?.length ?? 0;
  if (!identity) return null;
  const openProfile = () => {
    setAnchor(null);
    navigate('/profile');
  };
  const name = identity.fullName ?? '';
  const role = permissions?.role ? ROLE_LABELS[permissions.role] : '';
  return (
    <>
      <Button
        color="inherit"
        onClick={(event: MouseEvent<HTMLElement>) => setAnchor(event.currentTarget)}
        aria-label="Account"
        aria-haspopup="menu"
        sx={{ textTransform: 'none', gap: 1.25, px: 1.25 }}
        data-testid="session-badge"
      >
        <Box sx={{ textAlign: 'right', lineHeight: 1.15, display: { xs: 'none', sm: 'block' } }}>
          <Typography variant="body2" component="div" sx={{ fontWeight: 600 }}>
            {name}
          </Typography>
          <Typography variant="caption" component="div" sx={{ opacity: 0.85 }}>
            {role}
          </Typography>
        </Box>
        <Badge badgeContent={pending} color="error" overlap="circular" aria-label={pending ? `${pending} pending invitation${pending === 1 ? '' : 's'}` : undefined}>
          <Avatar sx={{ width: 32, height: 32, fontSize: 14, bgcolor: 'secondary.main' }}>{initials(name)}</Avatar>
        </Badge>
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ px: 2, py: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {name}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {identity.email as string | undefined}
          </Typography>
        </Box>
        <Divider />
        <MenuItem onClick={openProfile}>
          <ListItemIcon>
            <AccountCircle fontSize="small" />
          </ListItemIcon>
          <ListItemText primary="My profile" secondary={pending ? `${pending} pending invitation${pending === 1 ? '' : 's'}` : undefined} />
        </MenuItem>
        <Logout />
      </Menu>
    </>
  );
}

export function AppBar() {
  return (
    <RaAppBar color="primary" userMenu={false}>
      {/* On a phone the page title needs the room more than the brand does. */}
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5, mr: 2, display: { xs: 'none', sm: 'inline' } }}>
        Tandem
      </Typography>
      {/* The title takes the free width itself (a spacer beside it would halve it on a phone). */}
      <TitlePortal sx={{ opacity: 0.9, flex: 1, minWidth: 0 }} />
      <SessionMenu />
    </RaAppBar>
  );
}
