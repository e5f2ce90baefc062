import type { DeliveryOutcome } from '@/lib/domain/notifications';
import { CHANNEL_DRIVERS } from '@/lib/notify/channels';
import { sampleMessage, startSmtpReceiver, type SmtpReceiver } from '@/testing/notify-receivers';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// E-mail through nodemailer to a real SMTP server (smtp-server on 127.0.0.1): what arrives, and
// how each way a mail server can fail becomes an outcome.

const PASSWORD = 'smtp-pa55word-that-must-not-leak';
let starttls: SmtpReceiver;
let implicit: SmtpReceiver;

beforeAll(async () => {
  starttls = await startSmtpReceiver({ credentials: { user: 'levelboard', pass: PASSWORD } });
  implicit = await startSmtpReceiver({ secure: true });
});
afterAll(async () => {
  await starttls.close();
  await implicit.close();
});
beforeEach(() => {
  starttls.reset();
  implicit.reset();
});

const config = (overrides: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port: starttls.port,
  security: 'starttls',
  allowSelfSigned: true,
  from: 'levelboard@example.com',
  to: ['oncall@example.com', 'lead@example.com'],
  username: 'levelboard',
  ...overrides,
});

const send = (
  overrides: Record<string, unknown> = {},
  secret: Record<string, unknown> = { password: PASSWORD },
  message = sampleMessage(),
  timeoutMs = 5_000,
) => CHANNEL_DRIVERS.email.send(message, { config: config(overrides), secret }, { timeoutMs });

const noSecret = (outcome: DeliveryOutcome) => expect(JSON.stringify(outcome)).not.toContain(PASSWORD);

describe('e-mail', () => {
  it('delivers over STARTTLS with sign-in: subject, text and HTML parts, links, a stable Message-ID', async () => {
    const outcome = await send();
    expect(outcome).toMatchObject({ result: 'sent', status: 250 });
    expect(outcome.answer).toContain('Queued as 1');
    const mail = starttls.received[0];
    expect(mail?.problems).toEqual([]);
    expect(mail?.user).toBe('levelboard');
    expect(mail?.to).toEqual(['oncall@example.com', 'lead@example.com']);
    expect(mail?.parsed.subject).toBe('Contoso · 2 servers offline at Zürich office');
    expect(mail?.parsed.text).toContain('Open in Level: https://app.level.io/devices/dev-1');
    expect(mail?.parsed.html).toContain('href="https://levelboard.example.com/devices/dev-2"');
    expect(mail?.parsed.html).toContain('&lt;80 GB&gt; &amp; falling');
    // A retry of the same outbox row carries the same Message-ID.
    await send();
    expect(starttls.received[1]?.parsed.messageId).toBe(mail?.parsed.messageId);
    expect(mail?.parsed.messageId).toContain('6f1c2a8e-4b7d-4e1a-9c3b-2d5e8f7a1b0c');
  });

  it('delivers over implicit TLS without sign-in', async () => {
    const outcome = await send({ port: implicit.port, security: 'tls', username: '' }, {});
    expect(outcome.result).toBe('sent');
    expect(implicit.received).toHaveLength(1);
  });

  it('refuses a self-signed certificate unless allowed, as a failure (retrying would not help)', async () => {
    const outcome = await send({ allowSelfSigned: false });
    expect(outcome).toMatchObject({ result: 'failed', status: null });
    expect(outcome.result === 'failed' ? outcome.error : '').toContain('TLS');
    expect(starttls.received).toHaveLength(0);
  });

  it('fails on a wrong password without repeating it', async () => {
    const outcome = await send({}, { password: `${PASSWORD}-wrong` });
    expect(outcome.result).toBe('failed');
    expect(JSON.stringify(outcome)).not.toContain(`${PASSWORD}-wrong`);
  });

  it("retries a transient 4xx, fails a permanent 5xx, with the server's words as the answer", async () => {
    starttls.failNext(1, { mode: 'reply', code: 451, text: 'Greylisted, try again later' });
    const transient = await send();
    expect(transient).toMatchObject({ result: 'retry', status: 451 });
    expect(transient.answer).toContain('Greylisted');
    starttls.failNext(1, { mode: 'reply', code: 550, text: 'Mailbox unavailable' });
    const permanent = await send();
    expect(permanent).toMatchObject({ result: 'failed', status: 550 });
    expect(permanent.answer).toContain('Mailbox unavailable');
    noSecret(transient);
    noSecret(permanent);
  });

  it('retries when the server never answers, drops the connection, or is not there', async () => {
    starttls.failNext(1, { mode: 'hang' });
    const hung = await send({}, { password: PASSWORD }, sampleMessage(), 500);
    expect(hung).toMatchObject({ result: 'retry', status: null });
    starttls.failNext(1, { mode: 'drop' });
    const dropped = await send();
    expect(dropped).toMatchObject({ result: 'retry' });
    const refused = await send({ port: 9 });
    expect(refused).toMatchObject({ result: 'retry', status: null });
    for (const outcome of [hung, dropped, refused]) noSecret(outcome);
  });

  it('a server that echoes the password back has it redacted', async () => {
    starttls.failNext(1, { mode: 'reply', code: 554, text: `Rejected for user levelboard with ${PASSWORD}` });
    const outcome = await send();
    expect(outcome.result).toBe('failed');
    expect(outcome.answer).toContain('[redacted]');
    noSecret(outcome);
  });
});
