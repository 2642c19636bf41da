/**
 * The API rejects unknown fields, while react-admin's edit form holds the whole record
 * (id, createdAt, nested history...). Each resource sends only the fields its body accepts.
 */
export function pickFields<K extends string>(fields: readonly K[]) {
  return (data: Record<string, unknown>): Partial<Record<K, unknown>> => {
    const body: Partial<Record<K, unknown>> = {};
    for (const field of fields) {
      if (data[field] !== undefined) body[field] = data[field] === '' ? null : data[field];
    }
    return body;
  };
}
