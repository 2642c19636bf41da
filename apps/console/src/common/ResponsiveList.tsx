import useMediaQuery from '@mui/material/useMediaQuery';
import type { Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { SimpleList, type RaRecord, type SimpleListProps } from 'react-admin';

/**
 * A phone-sized screen (below MUI's `sm`, 600 px): where a table of many columns cannot fit
 * and the console lays out one block per record instead. The one media query pages share.
 */
export function usePhone(): boolean {
  return useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
}

const divided = () => ({ borderBottom: '1px solid', borderColor: 'divider' });

type Props<R extends RaRecord> = Omit<SimpleListProps<R>, 'children'> & {
  /** the list as wider screens show it (a DataTable) */
  children: ReactNode;
};

/**
 * react-admin's responsive list: on a phone the records as a SimpleList (primaryText: what
 * the record is called; secondaryText: its most useful facts; tertiaryText: a short state on
 * the right), elsewhere the table given as children. Give it the table's row link (rowClick)
 * so a row opens the same page on both.
 *
 * Texts sit inside a paragraph: give them inline content (strings, fields such as
 * ReferenceField), never chips or boxes.
 */
export function ResponsiveList<R extends RaRecord>({ children, ...phone }: Props<R>) {
  const isPhone = usePhone();
  if (!isPhone) return <>{children}</>;
  // data-testid: MUI names the root class (RaSimpleList-root) in development builds only.
  return <SimpleList<R> rowSx={divided} data-testid="phone-list" {...phone} />;
}
