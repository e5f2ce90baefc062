import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

// A loopback SMTP server (the maintained `smtp-server` package) that records each message it takes,
// parsed, with the problems a mail client would show (no subject, no text or HTML part, no
// Message-ID). failNext() makes the next messages meet a transient 4xx, a permanent 5xx, a
// server that never answers the DATA, or a dropped connection. TLS (implicit or STARTTLS) uses
// smtp-server's built-in self-signed certificate for localhost.

export type SmtpFailMode =
  { mode: 'reply'; code: number; text?: string } | { mode: 'hang' } | { mode: 'drop' };

export interface ReceivedMail {
  from: string | null;
  to: string[];
  user: string | null;
  raw: string;
  parsed: ParsedMail;
  problems: string[];
}

export interface SmtpReceiverOptions {
  /** TLS from the first byte (port 465 style); otherwise plain with STARTTLS offered. */
  secure?: boolean;
  /** Require sign-in with these credentials (only offered over TLS, as real servers do). */
  credentials?: { user: string; pass: string };
  /** Offer no STARTTLS at all (a plain server on a trusted network). */
  noStartTls?: boolean;
}

function problemsOf(mail: ParsedMail): string[] {
  const problems: string[] = [];
  if (!mail.subject) problems.push('no subject');
  if (!mail.text?.trim()) problems.push('no text part');
  if (!mail.html) problems.push('no HTML part');
  if (!mail.messageId) problems.push('no Message-ID');
  if (!mail.date) problems.push('no Date');
  return problems;
}

export async function startSmtpReceiver(options: SmtpReceiverOptions = {}) {
  const received: ReceivedMail[] = [];
  const failures: SmtpFailMode[] = [];
  const config: SMTPServerOptions = {
    secure: options.secure ?? false,
    logger: false,
    authOptional: !options.credentials,
    disabledCommands: [...(options.credentials ? [] : ['AUTH']), ...(options.noStartTls ? ['STARTTLS'] : [])],
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.credentials?.user && auth.password === options.credentials?.pass;
      if (!ok) {
        const error = Object.assign(new Error('Invalid username or password'), { responseCode: 535 });
        return callback(error);
      }
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const failure = failures.shift();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failure?.mode === 'hang') return; // never answers: the client times out
        if (failure?.mode === 'drop') return dropAll(true);
        if (failure?.mode === 'reply')
          return callback(
            Object.assign(new Error(failure.text ?? `Refused with ${failure.code}`), {
              responseCode: failure.code,
            }),
          );
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (parsed) => {
            received.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
              to: session.envelope.rcptTo.map((address) => address.address),
              user: typeof session.user === 'string' ? session.user : null,
              raw,
              parsed,
              problems: problemsOf(parsed),
            });
            callback(null, `Queued as ${received.length}`);
          },
          (error: Error) => callback(error),
        );
      });
    },
  };
  const server = new SMTPServer(config) as SMTPServer & {
    connections?: Set<{ close(): void; _socket?: { destroy(): void } }>;
  };
  /** Ends every connection; `abruptly`: destroys the socket with no goodbye, as a crash would. */
  const dropAll = (abruptly = false) => {
    for (const connection of server.connections ?? []) {
      if (abruptly) connection._socket?.destroy();
      else connection.close();
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    host: '127.0.0.1',
    port,
    received,
    failNext(count: number, failure: SmtpFailMode) {
      for (let index = 0; index < count; index += 1) failures.push(failure);
    },
    reset() {
      received.length = 0;
      failures.length = 0;
    },
    async close() {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type SmtpReceiver = Awaited<ReturnType<typeof startSmtpReceiver>>;
