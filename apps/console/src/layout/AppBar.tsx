import { useState, type MouseEvent } from 'react';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Menu from '@mui/material/Menu';
import Typography from '@mui/material/Typography';
import { AppBar as RaAppBar, Logout, TitlePortal, useGetIdentity, usePermissions } from 'react-admin';
import { ROLE_LABELS } from '@tandem/contracts';
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
  if (!identity) return null;
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
        <Avatar sx={{ width: 32, height: 32, fontSize: 14, bgcolor: 'secondary.main' }}>{initials(name)}</Avatar>
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
        <Logout />
      </Menu>
    </>
  );
}

export function AppBar() {
  return (
    <RaAppBar color="primary" userMenu={false}>
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, letterSpacing: 0.5, mr: 2 }}>
        Tandem
      </Typography>
      <TitlePortal sx={{ opacity: 0.9 }} />
      <Box sx={{ flex: 1 }} />
      <SessionMenu />
    </RaAppBar>
  );
}
