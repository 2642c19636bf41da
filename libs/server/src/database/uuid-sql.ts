/**
 * A UUIDv7 made by PostgreSQL (RFC 9562: 48 bits of Unix milliseconds, version 7, variant
 * 10, random rest), for rows raw SQL inserts in bulk (an import's values, a run's
 * scorecards, reminder claims), so they sort by creation like the rows Prisma creates with
 * `@default(uuid(7))`. PostgreSQL 18 has uuidv7(); this expression works from 13 on.
 */
export const UUID_V7_SQL = `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid`;
