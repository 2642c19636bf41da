process.env.LOG_LEVEL ??= 'silent';
import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { JobProducer, PrismaService } from '@tandem/server';
import { createWorker } from '../bootstrap';

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('email delivery through the outbox', () => {
  let worker: INestApplicationContext | undefined;
  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    delete process.env.SMTP_URL;
  });

  async function queueMessage(to: string): Promise<string> {
    const prisma = worker!.get(PrismaService);
    const row = await prisma.system.outboxMessage.create({ data: { to, subject: 'Hello', text: 'Body text' } });
    await worker!.get(JobProducer).enqueue('email.send', { outboxMessageId: row.id }, { jobId: `email-${row.id}` });
    return row.id;
  }

  it('records the message when no SMTP server is configured, once', async () => {
    worker = await createWorker();
    const prisma = worker.get(PrismaService);
    const id = await queueMessage('nobody@example.test');
    const row = await waitFor(async () => {
      const r = await prisma.system.outboxMessage.findUniqueOrThrow({ where: { id } });
      return r.status === 'pending' ? undefined : r;
    }, 'outbox row to leave pending');
    expect(row.status).toBe('recorded');
    expect(row.attempts).toBe(1);
    // A second delivery of the same message (at-least-once) changes nothing.
    await worker.get(JobProducer).enqueue('email.send', { outboxMessageId: id }, { jobId: `email-${id}-again` });
    await new Promise((r) => setTimeout(r, 500));
    expect((await prisma.system.outboxMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(1);
  });

  it('sends through SMTP when configured', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          received.push(`${session.envelope.rcptTo.map((r) => r.address).join(',')}\n${data}`);
          callback();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.server.address() as AddressInfo;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    try {
      worker = await createWorker();
      const prisma = worker.get(PrismaService);
      const id = await queueMessage('buyer@example.test');
      const row = await waitFor(async () => {
        const r = await prisma.system.outboxMessage.findUniqueOrThrow({ where: { id } });
        return r.status === 'pending' ? undefined : r;
      }, 'message to be sent');
      expect(row.status).toBe('sent');
      expect(row.sentAt).not.toBeNull();
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('buyer@example.test');
      expect(received[0]).toContain('Body text');
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
