import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SmtpAdapter } from './smtp-adapter.ts';

/** A real SMTP server on a free local port: the adapter speaks the protocol to it, login included. */
interface Received {
  from: string;
  to: string[];
  data: string;
}
const received: Received[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      if (auth.username === 'fayuan' && auth.password === 's3cret-pass')
        return callback(null, { user: 'fayuan' });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example')) {
        const error = new Error('Mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        return callback(error);
      }
      return callback();
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('e-mail over SMTP', () => {
  it('delivers to the server with login: envelope, subject and body; the message is sent, not delivered', async () => {
    const adapter = new SmtpAdapter(
      `smtp://fayuan:s3cret-pass@127.0.0.1:${port}`,
      'Fayuan <noreply@fayuan.example>',
    );
    const result = await adapter.send({
      id: 'm1',
      channel: 'email',
      recipient: 'lawyer@firm.example',
      body: '【法律援助】案件 2026-001 已指派给您。请登录系统查看。',
    });
    adapter.close();
    expect(result).toMatchObject({ provider: 'smtp', status: 'sent' });
    const mail = received.at(-1)!;
    expect(mail.from).toBe('noreply@fayuan.example');
    expect(mail.to).toEqual(['lawyer@firm.example']);
    expect(mail.data).toMatch(/^Subject: /m);
    expect(mail.data).toContain('Content-Type: text/plain; charset=utf-8');
  });

  it('reports a refusal with the server’s code, never the password', async () => {
    const adapter = new SmtpAdapter(`smtp://fayuan:s3cret-pass@127.0.0.1:${port}`, 'noreply@fayuan.example');
    const error = await adapter
      .send({ id: 'm2', channel: 'email', recipient: 'nobody@refused.example', body: '测试' })
      .catch((e: unknown) => e as Error);
    adapter.close();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^SMTP 550/);
    expect((error as Error).message).not.toContain('s3cret-pass');
    const wrong = new SmtpAdapter(`smtp://fayuan:wrong-pass@127.0.0.1:${port}`, 'noreply@fayuan.example');
    const denied = await wrong
      .send({ id: 'm3', channel: 'email', recipient: 'a@b.example', body: 'x' })
      .catch((e: unknown) => e as Error);
    wrong.close();
    expect((denied as Error).message).toMatch(/^SMTP 535/);
    expect((denied as Error).message).not.toContain('wrong-pass');
  });
});
