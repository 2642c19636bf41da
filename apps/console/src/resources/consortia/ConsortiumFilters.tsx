import { SearchInput } from 'react-admin';

export const consortiumFilters = [<SearchInput key="q" source="q" alwaysOn placeholder="Search consortia" />];
