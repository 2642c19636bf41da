import type { MouseEvent } from 'react';
import { Link, useCreatePath, useRecordContext } from 'react-admin';
import type { AuditEvent } from '@tandem/contracts';

/** Audit entity types are model names ("Membership"); the console's resources are their plural nouns. */
const RESOURCE_OF: Record<string, string> = {
  Consortium: 'consortia',
  Organisation: 'organisations',
  Membership: 'memberships',
  User: 'users',
  ApiKey: 'api-keys',
};

/** The audited record's id, linked to its page where the console has one. */
export function EntityLink() {
  const event = useRecordContext<AuditEvent>();
  const createPath = useCreatePath();
  if (!event) return null;
  const resource = RESOURCE_OF[event.entityType];
  if (!resource) return <span>{event.entityId}</span>;
  return (
    <Link to={createPath({ resource, id: event.entityId, type: 'show' })} onClick={(event: MouseEvent) => event.stopPropagation()}>
      {event.entityId}
    </Link>
  );
}
