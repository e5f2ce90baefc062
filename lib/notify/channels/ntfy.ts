import {
  ntfyConfigSchema,
  ntfySecretSchema,
  type NtfyConfig,
  type NtfySecret,
} from '@/lib/domain/notification-channels';
import type { NotificationMessage, Severity } from '@/lib/domain/notifications';
import type { ChannelDriver } from '@/lib/notify/channels/driver';
import { postWithTimeout } from '@/lib/notify/channels/http-delivery';
import { headline, LEVEL_LINK, LEVELBOARD_LINK, plainText } from '@/lib/notify/channels/render';
import 'server-only';

// ntfy, published the header way (docs.ntfy.sh/publish): POST <server>/<topic> with the text as
// the body and Title, Priority, Tags, Click and Actions headers. A header carries bytes, not UTF-8,
// so a title that is not plain ASCII ("Zürich · SRV-01") goes RFC 2047-encoded, which ntfy decodes
// since v2.4. The body is cut below ntfy's 4096-byte message limit (a longer
// one would arrive as an attachment).

export const NTFY_PRIORITY: Record<Severity, number> = {
  emergency: 5,
  critical: 5,
  warning: 4,
  information: 3,
};
const NTFY_TAGS: Record<Severity, string> = {
  emergency: 'rotating_light',
  critical: 'rotating_light',
  warning: 'warning',
  information: 'information_source',
};
const MAX_BODY_BYTES = 4000;

/** RFC 2047 "encoded word" when the value is not printable ASCII. */
export function headerValue(text: string): string {
  const oneLine = text.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(oneLine)
    ? oneLine
    : `=?UTF-8?B?${Buffer.from(oneLine, 'utf8').toString('base64')}?=`;
}

function cutToBytes(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.byteLength <= max) return text;
  // Drop a partial trailing character left by the cut.
  return `${bytes
    .subarray(0, max - 3)
    .toString('utf8')
    .replace(/\uFFFD$/, '')}…`;
}

/** A URL as header-safe ASCII (a host or path with other characters percent- or punycode-encoded). */
function asciiUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

/** ntfy's action syntax separates fields by commas and actions by semicolons. */
const viewAction = (label: string, url: string) =>
  `view, ${label}, ${asciiUrl(url).replace(/[,;]/g, encodeURIComponent)}`;

export function ntfyRequest(message: NotificationMessage, config: NtfyConfig, secret: NtfySecret) {
  const recovery = message.kind === 'recovery';
  const tags = [
    recovery ? 'white_check_mark' : message.kind === 'test' ? 'test_tube' : NTFY_TAGS[message.severity],
    'levelboard',
  ];
  const actions = [viewAction(LEVELBOARD_LINK, message.url)];
  const levelUrl = message.items.find((item) => item.levelUrl)?.levelUrl;
  if (levelUrl) actions.push(viewAction(LEVEL_LINK, levelUrl));
  const headers: Record<string, string> = {
    'Content-Type': 'text/plain; charset=utf-8',
    Title: headerValue(headline(message)),
    Priority: String(recovery || message.kind === 'test' ? 3 : NTFY_PRIORITY[message.severity]),
    Tags: tags.join(','),
    Click: asciiUrl(message.url),
    Actions: actions.join('; '),
  };
  if (secret.accessToken) headers.Authorization = `Bearer ${secret.accessToken}`;
  return {
    url: `${config.serverUrl.replace(/\/+$/, '')}/${config.topic}`,
    headers,
    body: cutToBytes(plainText(message), MAX_BODY_BYTES),
  };
}

export const ntfyDriver: ChannelDriver<NtfyConfig, NtfySecret> = {
  kind: 'ntfy',
  configSchema: ntfyConfigSchema,
  secretSchema: ntfySecretSchema,
  send(message, { config, secret }, { timeoutMs }) {
    return postWithTimeout(
      { receiver: 'ntfy', ...ntfyRequest(message, config, secret) },
      { timeoutMs, secrets: secret.accessToken ? [secret.accessToken] : [] },
    );
  },
};
