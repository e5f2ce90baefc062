import type { ChannelKind } from '@/lib/domain/notifications';
import { startHttpReceiver, type HttpReceiverOptions } from '@/testing/notify-receivers/http-receiver';
import { startSmtpReceiver } from '@/testing/notify-receivers/smtp-receiver';

export const RECEIVER_ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
export const RECEIVER_SIGNING_SECRET = 'receiver-signing-secret-0123456789';

/**
 * Both receivers, and for each channel kind the settings that point a channel at them — what
 * createChannel takes (`{ kind, name, config, secret }`), so a test can set up any channel in a line.
 */
export async function startReceivers(options: HttpReceiverOptions = {}) {
  const http = await startHttpReceiver({
    webhookSecret: RECEIVER_SIGNING_SECRET,
    routingKey: RECEIVER_ROUTING_KEY,
    ...options,
  });
  const smtp = await startSmtpReceiver();
  const settings = (
    kind: ChannelKind,
  ): { config: Record<string, unknown>; secret: Record<string, string> } => {
    switch (kind) {
      case 'email':
        return {
          config: {
            host: smtp.host,
            port: smtp.port,
            security: 'none',
            from: 'levelboard@example.com',
            to: ['oncall@example.com'],
          },
          secret: {},
        };
      case 'teams':
        return { config: {}, secret: { webhookUrl: http.url('teams') } };
      case 'slack':
        return { config: {}, secret: { webhookUrl: http.url('slack') } };
      case 'ntfy':
        return {
          config: { serverUrl: http.url('ntfy'), topic: 'levelboard-test' },
          secret: options.ntfyToken ? { accessToken: options.ntfyToken } : {},
        };
      case 'pagerduty':
        return { config: { eventsUrl: http.url('pagerduty') }, secret: { routingKey: RECEIVER_ROUTING_KEY } };
      case 'webhook':
        return { config: { url: http.url('webhook') }, secret: { signingSecret: RECEIVER_SIGNING_SECRET } };
    }
  };
  return {
    http,
    smtp,
    /** `{ kind, name, config, secret }` for createChannel / POST /api/admin/notifications/channels. */
    channelInput: (kind: ChannelKind, name = `Test ${kind}`) => ({ kind, name, ...settings(kind) }),
    /** Everything delivered and accepted, of one kind (e-mail: messages; the rest: requests). */
    deliveredCount: (kind: ChannelKind) =>
      kind === 'email'
        ? smtp.received.filter((mail) => mail.problems.length === 0).length
        : http.accepted(kind).length,
    reset() {
      http.reset();
      smtp.reset();
    },
    async close() {
      await Promise.all([http.close(), smtp.close()]);
    },
  };
}

export type Receivers = Awaited<ReturnType<typeof startReceivers>>;
