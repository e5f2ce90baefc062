import 'server-only';

// A receiver may echo what it was sent (a Slack 404 naming the hook, a proxy's error page quoting
// the URL), and a connection error may name it. Every text an outcome carries passes through here
// first, so a webhook URL, token or password never reaches the delivery log, a log line or a browser.

const REDACTED = '[redacted]';

/** The strings to hide for one secret value: the whole, and for a URL the parts that hold its token. */
function fragments(secret: string): string[] {
  const parts = [secret];
  try {
    const url = new URL(secret);
    parts.push(url.host + url.pathname + url.search, url.pathname + url.search, url.search.slice(1));
    for (const segment of url.pathname.split('/')) if (segment.length >= 8) parts.push(segment);
    for (const value of url.searchParams.values())
      if (value.length >= 8) parts.push(value, encodeURIComponent(value));
  } catch {
    // Not a URL: the whole string is the secret.
  }
  return parts.filter((part) => part.length >= 4);
}

/** Secret strings found in a channel's secret object (its string fields). */
export function secretStrings(secret: unknown): string[] {
  if (!secret || typeof secret !== 'object') return [];
  return Object.values(secret).filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so a URL is replaced whole before its path alone would be.
  const all = secrets.flatMap(fragments).sort((a, b) => b.length - a.length);
  for (const part of all) out = out.split(part).join(REDACTED);
  return out;
}

export const MAX_ANSWER = 500;

/** The receiver's words as the log keeps them: secret-free, then cut to 500 characters. */
export function answerText(text: string, secrets: readonly string[]): string | null {
  const trimmed = redact(text, secrets).trim();
  return trimmed === '' ? null : trimmed.slice(0, MAX_ANSWER);
}
