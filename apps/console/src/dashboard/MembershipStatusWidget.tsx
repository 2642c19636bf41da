import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import CardHeader from '@mui/material/CardHeader';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '@tandem/contracts';
import { humanize } from '../common/choices';

const COLORS: Record<MembershipStatus, string> = {
  applicant: '#4f8fd6',
  active: '#2e8b57',
  suspended: '#e08a1e',
  exited: '#98a2b3',
};

/** Memberships per status, as counted by the API. */
export function MembershipStatusWidget({ counts }: { counts: Record<MembershipStatus, number> }) {
  const data = MEMBERSHIP_STATUSES.map((status) => ({ status, label: humanize(status), count: counts[status] ?? 0 }));
  return (
    <Card>
      <CardHeader title="Memberships by status" slotProps={{ title: { variant: 'subtitle1', sx: { fontWeight: 600 } } }} />
      <CardContent sx={{ pt: 0 }}>
        <Box sx={{ display: 'flex', gap: 3, mb: 1, flexWrap: 'wrap' }}>
          {data.map((d) => (
            <Box key={d.status}>
              <Typography variant="caption" color="text.secondary">
                {d.label}
              </Typography>
              <Typography variant="h6" data-testid={`memberships-${d.status}`} sx={{ color: COLORS[d.status] }}>
                {d.count.toLocaleString()}
              </Typography>
            </Box>
          ))}
        </Box>
        <Box sx={{ height: 180 }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 8, right: 8, left: -16, bottom: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tickLine={false} />
              <YAxis allowDecimals={false} tickLine={false} />
              <Tooltip cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
              <Bar dataKey="count" name="Memberships" radius={[4, 4, 0, 0]} isAnimationActive={false}>
                {data.map((d) => (
                  <Cell key={d.status} fill={COLORS[d.status]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </Box>
      </CardContent>
    </Card>
  );
}
