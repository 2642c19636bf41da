import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

/** Lake blue for structure, a warm amber accent: readable on projectors in member meetings. */
export const BRAND = { primary: '#1d4e89', primaryDark: '#133a68', accent: '#e08a1e' };

const base = defaultLightTheme as RaThemeOptions;

export const theme: RaThemeOptions = {
  ...base,
  palette: {
    ...base.palette,
    primary: { main: BRAND.primary, dark: BRAND.primaryDark, contrastText: '#fff' },
    secondary: { main: BRAND.accent, contrastText: '#fff' },
    background: { default: '#f4f6f9', paper: '#ffffff' },
  },
  shape: { borderRadius: 8 },
  typography: {
    ...base.typography,
    fontFamily: 'Roboto, "Segoe UI", Helvetica, Arial, sans-serif',
    h5: { fontWeight: 600 },
    h6: { fontWeight: 500 },
  },
  components: {
    ...base.components,
    MuiAppBar: { styleOverrides: { colorSecondary: { backgroundColor: BRAND.primary } } },
    MuiCard: { styleOverrides: { root: { boxShadow: '0 1px 3px rgba(16, 24, 40, 0.12)' } } },
    MuiTableCell: {
      styleOverrides: {
        head: { fontWeight: 600, color: '#344054', backgroundColor: '#f8fafc' },
      },
    },
    RaMenuItemLink: {
      styleOverrides: {
        root: {
          borderLeft: '3px solid transparent',
          '&.RaMenuItemLink-active': { borderLeftColor: BRAND.primary, color: BRAND.primary, fontWeight: 600 },
        },
      },
    },
  },
};
