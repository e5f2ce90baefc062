import {
  emailConfigSchema,
  emailSecretSchema,
  type EmailConfig,
  type EmailSecret,
} from '@/lib/domain/notification-channels';
import type { DeliveryOutcome, NotificationMessage } from '@/lib/domain/notifications';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import { emailHtml } from '@/lib/notify/channels/email-html';
import { answerText, redact } from '@/lib/notify/channels/redact';
import { headline, plainText } from '@/lib/notify/channels/render';
import nodemailer from 'nodemailer';
import 'server-only';

// E-mail through the admin's SMTP server (nodemailer, one connection per message: a few messages
// a minute do not need a pool). The Message-ID is derived from the outbox id, so a message that is
// retried after the server took it but before we heard so is recognisable as the same one.
// SMTP answers: 2xx sent; 4xx (transient) retry; 5xx (permanent) failed; no answer at all
// (connection refused, timeout, dropped) retry; refused TLS or credentials failed.

export function messageId(message: NotificationMessage, from: string): string {
  const domain = from.split('@')[1]?.replace(/[^A-Za-z0-9.-]/g, '') || 'levelboard.invalid';
  return `<${message.id.replace(/[^A-Za-z0-9.-]/g, '')}.levelboard@${domain}>`;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
}

const NO_RETRY_CODES = new Set(['ETLS', 'EAUTH', 'ENOAUTH', 'ECONFIG', 'EENVELOPE', 'EREQUIRETLS']);

/** What an SMTP failure means (sent nothing; retry or not) in words that carry no secret. Client reports reuse it. */
export function smtpFailure(error: unknown, timeoutMs: number, secrets: string[]): DeliveryOutcome {
  const smtp = (error && typeof error === 'object' ? error : {}) as SmtpError;
  const status = typeof smtp.responseCode === 'number' ? smtp.responseCode : null;
  const answer = typeof smtp.response === 'string' ? answerText(smtp.response, secrets) : null;
  if (status !== null) {
    const permanent = smtp.permanent ?? status >= 500;
    const error = redact(
      `The mail server refused the message (${status})${answer ? `: ${answer.slice(0, 200)}` : ''}`,
      secrets,
    );
    return permanent
      ? { result: 'failed', status, error, answer }
      : { result: 'retry', status, error, retryAfterMs: null, answer };
  }
  const code = smtp.code ?? '';
  // Node's certificate errors reach us as ESOCKET; their wording is fixed and names no secret.
  const message = error instanceof Error ? error.message : '';
  const certificate = /certificate|self[- ]signed|altname|unable to verify|wrong version number/i.exec(
    message,
  );
  if (certificate)
    return {
      result: 'failed',
      status: null,
      error: redact(
        `E-mail not sent: TLS failed (${message.slice(0, 120)}). Check the security setting, or accept a self-signed certificate.`,
        secrets,
      ),
      answer: null,
    };
  if (code === 'ETIMEDOUT' || code === 'EABORT')
    return {
      result: 'retry',
      status: null,
      error: `The mail server did not answer within ${Math.round(timeoutMs / 1000)} s.`,
      retryAfterMs: null,
      answer: null,
    };
  if (NO_RETRY_CODES.has(code)) {
    const why =
      code === 'ETLS' || code === 'EREQUIRETLS'
        ? 'TLS failed (check the security setting, or allow a self-signed certificate)'
        : code === 'EAUTH' || code === 'ENOAUTH'
          ? 'signing in failed (check the user name and password)'
          : 'the settings were refused';
    return { result: 'failed', status: null, error: `E-mail not sent: ${why} (${code}).`, answer: null };
  }
  return {
    result: 'retry',
    status: null,
    error: `Could not reach the mail server${code ? ` (${code})` : ''}.`,
    retryAfterMs: null,
    answer: null,
  };
}

/** A one-message transport to the channel's server (client reports send through it too). */
export function smtpTransport(
  config: Pick<EmailConfig, 'host' | 'port' | 'security' | 'username' | 'allowSelfSigned'>,
  secret: EmailSecret,
  timeoutMs: number,
) {
  return nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    requireTLS: config.security === 'starttls',
    ignoreTLS: config.security === 'none',
    auth: config.username ? { user: config.username, pass: secret.password } : undefined,
    tls: { rejectUnauthorized: !config.allowSelfSigned },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
}

export const emailDriver: ChannelDriver<EmailConfig, EmailSecret> = {
  kind: 'email',
  configSchema: emailConfigSchema,
  secretSchema: emailSecretSchema,
  async send(message, { config, secret }, { timeoutMs }) {
    const secrets = secret.password ? [secret.password] : [];
    const transport = smtpTransport(config, secret, timeoutMs);
    try {
      const info = await transport.sendMail({
        from: config.from,
        to: config.to,
        subject: headline(message),
        text: plainText(message),
        html: emailHtml(message),
        messageId: messageId(message, config.from),
        priority:
          message.kind !== 'recovery' && (message.severity === 'critical' || message.severity === 'emergency')
            ? 'high'
            : 'normal',
        headers: { 'X-Levelboard-Delivery': message.id, 'Auto-Submitted': 'auto-generated' },
        signal: AbortSignal.timeout(timeoutMs),
      });
      const status = Number.parseInt(String(info.response ?? ''), 10);
      return {
        result: 'sent',
        status: Number.isNaN(status) ? null : status,
        answer: answerText(String(info.response ?? ''), secrets),
      };
    } catch (error) {
      return smtpFailure(error, timeoutMs, secrets);
    } finally {
      transport.close();
    }
  },
};
