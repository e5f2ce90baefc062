import type { Store } from '@/lib/db/open';
import { emailConfigSchema, emailSecretSchema } from '@/lib/domain/notification-channels';
import { listChannels, loadChannelForSending } from '@/lib/notify/channel-store';
import { smtpFailure, smtpTransport } from '@/lib/notify/channels/email';
import { answerText } from '@/lib/notify/channels/redact';
import nodemailer, { type Transporter } from 'nodemailer';
import 'server-only';

// How client reports reach a mail server: `SMTP_URL` when set, else the first enabled e-mail
// notification channel (issue 19's settings, the same transport code). A report is sent once; an
// answer that would make a notification retry is recorded as failed, with the server's words,
// and the admin sends it again from the archive.

export interface ReportMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachment?: { filename: string; content: Buffer };
}

export type MailResult = { sent: true; answer: string | null } | { sent: false; error: string };

export interface ReportMailer {
  /** Where the mail goes (for the archive and the hub; no secret). */
  describe: string;
  from: string;
  send(mail: ReportMail): Promise<MailResult>;
}

const TIMEOUT_MS = 30_000;

function urlMailer(smtpUrl: string, from: string | undefined): ReportMailer {
  const url = new URL(smtpUrl);
  const secrets = [decodeURIComponent(url.password)].filter(Boolean);
  const sender = from ?? `reports@${url.hostname}`;
  return {
    describe: `${url.protocol}//${url.host}`,
    from: sender,
    send: (mail) =>
      deliver(
        () =>
          nodemailer.createTransport({
            url: smtpUrl,
            connectionTimeout: TIMEOUT_MS,
            greetingTimeout: TIMEOUT_MS,
            socketTimeout: TIMEOUT_MS,
          }),
        sender,
        mail,
        secrets,
      ),
  };
}

async function deliver(
  make: () => Transporter,
  from: string,
  mail: ReportMail,
  secrets: string[],
): Promise<MailResult> {
  const transport = make();
  try {
    const info = await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachment
        ? [
            {
              filename: mail.attachment.filename,
              content: mail.attachment.content,
              contentType: 'application/pdf',
            },
          ]
        : [],
      headers: { 'Auto-Submitted': 'auto-generated' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { sent: true, answer: answerText(String(info.response ?? ''), secrets) };
  } catch (error) {
    const outcome = smtpFailure(error, TIMEOUT_MS, secrets);
    return { sent: false, error: outcome.result === 'sent' ? 'not sent' : outcome.error };
  } finally {
    transport.close();
  }
}

/** The mailer reports use now, or null when there is no mail server to use. */
export async function reportMailer(
  store: Store,
  env: { SMTP_URL?: string; REPORT_FROM?: string },
): Promise<ReportMailer | null> {
  if (env.SMTP_URL) return urlMailer(env.SMTP_URL, env.REPORT_FROM);
  for (const view of await listChannels(store)) {
    if (view.kind !== 'email' || !view.enabled) continue;
    const channel = await loadChannelForSending(store, view.id);
    const config = emailConfigSchema.safeParse(channel?.config);
    const secret = emailSecretSchema.safeParse(channel?.secret ?? {});
    if (!config.success || !secret.success) continue;
    const from = env.REPORT_FROM ?? config.data.from;
    const secrets = secret.data.password ? [secret.data.password] : [];
    return {
      describe: `e-mail channel "${view.name}" (${config.data.host}:${config.data.port})`,
      from,
      send: (mail) => deliver(() => smtpTransport(config.data, secret.data, TIMEOUT_MS), from, mail, secrets),
    };
  }
  return null;
}
