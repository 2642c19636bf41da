import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import Block from '@mui/icons-material/Block';
import { LinkBase, Title, usePermissions } from 'react-admin';
import { ROLE_LABELS } from '@tandem/contracts';
import type { TandemPermissions } from '../providers/authProvider';

/**
 * Where react-admin sends a link to a page the role may not use: the permission check runs
 * before any request, so the page says why instead of showing the API's 403.
 */
export function AccessDeniedPage() {
  const { permissions } = usePermissions<TandemPermissions>();
  const role = permissions?.role ? ROLE_LABELS[permissions.role] : '';
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="Not available to your role" />
      <Card data-testid="access-denied">
        <CardContent sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, alignItems: 'flex-start' }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Block color="warning" />
            <Typography variant="h6" component="h1">
              This page is not available to your role{permissions?.role ? ` (${role})` : ''}
            </Typography>
          </Box>
          <Typography variant="body2" color="text.secondary">
            The link leads to something your role does not work with in Tandem, so nothing was loaded. If you hold another role
            that may open it, switch to that role from your profile; otherwise ask your consortium staff.
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button component={LinkBase} to="/" variant="contained">
              Go to your home page
            </Button>
            <Button component={LinkBase} to="/profile" variant="outlined">
              Your profile and roles
            </Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
