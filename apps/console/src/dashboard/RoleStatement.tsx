import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Typography from '@mui/material/Typography';
import type { Role } from '@tandem/contracts';

/** Roles whose own features have not landed yet, and what their home page will hold. */
const STATEMENTS: Partial<Record<Role, { now: string; soon: string }>> = {
  union_representative: {
    now: "You co-approve, or return with comments, the annual training plans of the member firms your union represents, and read their history and their training figures (hours, sessions, enrolments). You read those firms by name, your union and the reporting calendar of your consortium.",
    soon: 'Their training sessions will appear here. Metric values, payroll and wages of firms are never shown to union representatives.',
  },
  trainer: {
    now: 'You can read the member firms, their memberships and the reporting calendar of your consortium.',
    soon: 'The course sessions your organisation delivers, their enrolments, attendance and credentials to record will appear here.',
  },
  funder: {
    now: 'You can read the consortium, its member organisations, the metric catalogue and the reporting calendar.',
    soon: "Progress against your grants' deliverables and aggregate figures — workers trained, training hours and spend, improvement since baseline — will appear here, always under the consortium's disclosure threshold and never one firm's figures.",
  },
};


export function RoleStatement({ role }: { role: Role }) {
  const statement = STATEMENTS[role];
  if (!statement) return null;
  return (
    <Card sx={{ mt: 2 }} data-testid="home-statement">
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }} gutterBottom>
          What you will find here
        </Typography>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {statement.soon}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {statement.now}
        </Typography>
      </CardContent>
    </Card>
  );
}
