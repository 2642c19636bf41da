import { useEffect, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useGetList, type RaRecord } from 'react-admin';

/** How long typing pauses before the search goes to the API (react-admin's own filter debounce). */
const SEARCH_DEBOUNCE_MS = 300;
/** Options per search: the list protocol's page, searched on the server, never a whole table. */
const OPTIONS_PER_PAGE = 25;

interface RecordPickerProps<T extends RaRecord> {
  resource: string;
  label: string;
  /** The chosen record, fetched by the caller (it needs its fields), or undefined. */
  selected: T | undefined;
  onChange: (id: string) => void;
  filter?: Record<string, unknown>;
  sort: { field: string; order: 'ASC' | 'DESC' };
  optionText: (record: T) => string;
  helperText?: string;
  width: number;
}

/**
 * An autocomplete over a resource, searched on the server with the list protocol's `q`:
 * a consortium's calendar or membership can be longer than any one page, and every record
 * must stay reachable by typing (the first page alone is only the likeliest choices).
 */
export function RecordPicker<T extends RaRecord>({ resource, label, selected, onChange, filter, sort, optionText, helperText, width }: RecordPickerProps<T>) {
  const [input, setInput] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(input.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);
  // The input shows the chosen record's text: that is not a search.
  const q = selected && search === optionText(selected) ? '' : search;
  const { data = [], isFetching } = useGetList<T>(resource, {
    filter: { ...filter, ...(q ? { q } : {}) },
    pagination: { page: 1, perPage: OPTIONS_PER_PAGE },
    sort,
  });
  const options = selected && !data.some((r) => r.id === selected.id) ? [selected, ...data] : data;

  return (
    <Autocomplete<T>
      options={options}
      value={selected ?? null}
      loading={isFetching}
      getOptionLabel={optionText}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      // the server has filtered; MUI's own filter would hide the chosen record while searching
      filterOptions={(all) => all}
      inputValue={input}
      onInputChange={(_, value) => setInput(value)}
      onChange={(_, record) => onChange(record ? String(record.id) : '')}
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} />}
      sx={{ width, maxWidth: '100%' }}
    />
  );
}
