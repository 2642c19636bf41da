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

export { formatDay } from '../common/formatDate';

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
