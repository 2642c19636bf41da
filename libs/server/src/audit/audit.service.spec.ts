import type { Prisma } from '@tandem/db';
import type { RequestContext } from '../context/request-context';
import type { Principal } from '../context/principal';
import { AuditService, SYSTEM_ACTOR, type AuditEntry } from './audit.service';

function contextOf(principal: Principal | undefined, requestId?: string): RequestContext {
  return { principal, requestId } as unknown as RequestContext;
}

const USER: Principal = {
  kind: 'user',
  userId: '00000000-0000-7000-8000-00000000000a',
  apiKeyId: null,
  roleAssignmentId: null,
  role: 'consortium_staff',
  consortiumId: '00000000-0000-7000-8000-00000000000c',
  organisationId: null,
};

const ENTRY: AuditEntry = { action: 'thing.done', entityType: 'Thing', entityId: 't1', after: { n: 1n } };

function prismaWriter() {
  const rows: Prisma.AuditEventCreateManyInput[][] = [];
  return { rows, writer: { auditEvent: { createMany: async ({ data }: { data: Prisma.AuditEventCreateManyInput[] }) => void rows.push(data) } } };
}

describe('AuditService', () => {
  it("writes the request's principal and request id when no actor is given", async () => {
    const { rows, writer } = prismaWriter();
    await new AuditService(contextOf(USER, 'req-1')).record(writer, ENTRY);
    expect(rows).toEqual([
      [{ action: 'thing.done', entityType: 'Thing', entityId: 't1', before: undefined, after: { n: '1' }, consortiumId: USER.consortiumId, organisationId: null, actorUserId: USER.userId, actorApiKeyId: null, requestId: 'req-1' }],
    ]);
  });

  it('writes an explicit actor over the principal, and requires one outside a request', async () => {
    const { rows, writer } = prismaWriter();
    const actor = { userId: null, apiKeyId: '00000000-0000-7000-8000-00000000000b' };
    await new AuditService(contextOf(USER)).record(writer, { ...ENTRY, actor });
    expect(rows[0]?.[0]).toMatchObject({ actorUserId: null, actorApiKeyId: actor.apiKeyId });

    const outside = new AuditService(contextOf(undefined));
    await expect(outside.record(writer, ENTRY)).rejects.toThrow('no actor outside a request');
    await outside.record(writer, { ...ENTRY, actor: SYSTEM_ACTOR, consortiumId: USER.consortiumId });
    expect(rows[1]?.[0]).toMatchObject({ actorUserId: null, actorApiKeyId: null, consortiumId: USER.consortiumId, requestId: null });
  });

  it('writes a batch in one statement through a raw pg client, columns as arrays', async () => {
    const calls: { text: string; values: unknown[] }[] = [];
    const client = { query: async (text: string, values: unknown[]) => void calls.push({ text, values }) };
    await new AuditService(contextOf(undefined)).recordMany(client, [
      { ...ENTRY, actor: SYSTEM_ACTOR },
      { ...ENTRY, entityId: 't2', before: { a: 1 }, after: undefined, actor: { userId: USER.userId, apiKeyId: null } },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.text).toContain('INSERT INTO "AuditEvent"');
    expect(calls[0]?.values).toEqual([
      ['thing.done', 'thing.done'],
      ['Thing', 'Thing'],
      ['t1', 't2'],
      [null, '{"a":1}'],
      ['{"n":"1"}', null],
      [null, null],
      [null, null],
      [null, USER.userId],
      [null, null],
      [null, null],
    ]);
  });

  it('writes nothing for an empty batch', async () => {
    const { rows, writer } = prismaWriter();
    await new AuditService(contextOf(undefined)).recordMany(writer, []);
    expect(rows).toEqual([]);
  });
});
