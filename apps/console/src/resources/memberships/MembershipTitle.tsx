import { useGetOne, useRecordContext } from 'react-admin';
import type { Membership } from '@tandem/contracts';

/** "Membership · Acme Castings": a membership is known by its organisation, not its id. */
export function MembershipTitle() {
  const membership = useRecordContext<Membership>();
  const { data: organisation } = useGetOne('organisations', { id: membership?.organisationId ?? '' }, { enabled: Boolean(membership?.organisationId) });
  return <span>Membership{organisation?.name ? ` · ${organisation.name}` : ''}</span>;
}
