import type { ReactNode } from 'react';
import Box from '@mui/material/Box';

/** Inputs side by side on wide screens, stacked on narrow ones. */
export function FormRow({ children, min = 220 }: { children: ReactNode; min?: number }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: `repeat(auto-fit, minmax(${min}px, 1fr))`, columnGap: 2, width: '100%', maxWidth: 960 }}>
      {children}
    </Box>
  );
}
