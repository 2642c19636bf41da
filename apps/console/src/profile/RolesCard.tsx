import { useState } from 'react';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import type { Profile, ProfileRole } from '@tandem/contracts';
import { roleWhere } from '../common/roles';
import { ProfileCard } from './ProfileCard';
import { SwitchRoleDialog } from './SwitchRoleDialog';

function RoleState({ role }: { role: ProfileRole }) {
  return (
    <Stack direction="row" spacing={1}>
      {role.current && <Chip size="small" color="primary" label="Current" data-testid="current-role" />}
      {role.status === 'suspended' && <Chip size="small" color="warning" variant="outlined" label="Suspended" />}
    </Stack>
  );
}

/** The roles I hold: the current one marked, the other active ones one sign-in away. */
export function RolesCard({ profile }: { profile: Profile }) {
  const [switching, setSwitching] = useState<ProfileRole | null>(null);
  return (
    <ProfileCard title="Your roles" subtitle="Each role acts for one firm or consortium; a session acts under one of them." testId="profile-roles">
      <List disablePadding>
        {profile.roles.map((role) => (
          <ListItem
            key={role.id}
            divider
            disableGutters
            data-testid="profile-role"
            secondaryAction={
              !role.current && role.status === 'active' ? (
                <Button size="small" onClick={() => setSwitching(role)}>
                  Switch to this role
                </Button>
              ) : undefined
            }
          >
            <ListItemText
              primary={roleWhere(role.role, role.organisationName, role.consortiumName)}
              secondary={<RoleState role={role} />}
              slotProps={{ secondary: { component: 'div' } }}
              sx={{ pr: 18 }}
            />
          </ListItem>
        ))}
      </List>
      {switching && <SwitchRoleDialog email={profile.email} role={switching} onClose={() => setSwitching(null)} />}
    </ProfileCard>
  );
}
