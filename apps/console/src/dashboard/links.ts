/**
 * A react-admin list URL with its filter and sort, so a home-page card opens the list
 * already narrowed to what the card counts.
 */
export function listLink(resource: string, filter: Record<string, unknown>, sort?: { field: string; order: 'ASC' | 'DESC' }): string {
  const params = new URLSearchParams({ filter: JSON.stringify(filter) });
  if (sort) {
    params.set('sort', sort.field);
    params.set('order', sort.order);
  }
  return `/${resource}?${params.toString()}`;
}

/** Today as YYYY-MM-DD in UTC, the day the API judges "late" and "past due" on. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A calendar day (YYYY-MM-DD) in the reader's locale, without shifting it across time zones. */
export function formatDay(day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
