import type { ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { Link } from 'react-admin';

/**
 * One piece of a role's own work on the home page: what it is, how much of it there is (as
 * the API counted it) and a link to the list that holds it.
 */
export function HomeCard({
  title,
  figure,
  figureLabel,
  to,
  linkText,
  loading,
  error,
  testId,
  children,
}: {
  title: string;
  figure?: number;
  figureLabel?: string;
  to?: string;
  linkText?: string;
  loading?: boolean;
  error?: string | null;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Card data-testid={testId} sx={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <CardContent sx={{ flex: 1, display: 'flex', flexDirection: 'column', gap: 1 }}>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
          {title}
        </Typography>
        {loading ? (
          <LinearProgress />
        ) : error ? (
          <Alert severity="error">{error}</Alert>
        ) : (
          <>
            {figure !== undefined && (
              <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
                <Typography variant="h4" component="p" sx={{ fontWeight: 600 }} data-testid={`${testId}-figure`}>
                  {figure.toLocaleString()}
                </Typography>
                {figureLabel && (
                  <Typography variant="body2" color="text.secondary">
                    {figureLabel}
                  </Typography>
                )}
              </Box>
            )}
            {children}
          </>
        )}
      </CardContent>
      {to && (
        <Box sx={{ px: 2, pb: 2 }}>
          <Link to={to} data-testid={`${testId}-link`} sx={{ fontWeight: 500 }}>
            {linkText ?? 'Open the list'}
          </Link>
        </Box>
      )}
    </Card>
  );
}

/** Cards side by side on a wide screen, one under the other on a phone. */
export function HomeGrid({ children }: { children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gap: 2, mt: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))', xl: 'repeat(3, minmax(0, 1fr))' } }} data-testid="home-cards">
      {children}
    </Box>
  );
}

/** A short line of a card's list: what, and a quieter detail under it. */
export function HomeLine({ primary, secondary, to, testId }: { primary: ReactNode; secondary?: ReactNode; to?: string; testId?: string }) {
  return (
    <Box data-testid={testId} sx={{ py: 0.5, borderTop: '1px solid', borderColor: 'divider', minWidth: 0 }}>
      <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
        {to ? <Link to={to}>{primary}</Link> : primary}
      </Typography>
      {secondary && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
          {secondary}
        </Typography>
      )}
    </Box>
  );
}

/** The sentence a card shows when one of its queries failed. */
export function errorText(error: unknown): string | null {
  return error ? (error instanceof Error ? error.message : 'Could not load') : null;
}
