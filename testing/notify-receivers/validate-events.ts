import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

// PagerDuty Events API v2, ntfy's publish headers and Levelboard's signed webhook, checked as
// their receivers check them.

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isHttpUrl = (value: unknown) => {
  if (!isString(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

// --- PagerDuty Events API v2 -------------------------------------------------------------------------

const PD_SEVERITIES = new Set(['critical', 'error', 'warning', 'info']);

export function validatePagerdutyEvent(body: unknown, routingKey: string | null): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return ['body must be a JSON object'];
  if (!isString(body.routing_key) || body.routing_key.length !== 32)
    problems.push('routing_key must be 32 characters');
  else if (routingKey !== null && body.routing_key !== routingKey) problems.push('routing_key unknown');
  if (!['trigger', 'acknowledge', 'resolve'].includes(String(body.event_action)))
    problems.push('event_action must be trigger, acknowledge or resolve');
  if (body.dedup_key !== undefined && (!isString(body.dedup_key) || body.dedup_key.length > 255))
    problems.push('dedup_key must be a string of at most 255 characters');
  if (body.event_action !== 'trigger' && !isString(body.dedup_key))
    problems.push('dedup_key is required to acknowledge or resolve');
  if (body.event_action === 'trigger') {
    const payload = body.payload;
    if (!isObject(payload)) return [...problems, 'payload is required for trigger'];
    if (!isString(payload.summary) || payload.summary === '' || payload.summary.length > 1024)
      problems.push('payload.summary must be 1–1024 characters');
    if (!isString(payload.source) || payload.source === '') problems.push('payload.source is required');
    if (!PD_SEVERITIES.has(String(payload.severity)))
      problems.push('payload.severity must be critical, error, warning or info');
    if (payload.timestamp !== undefined && Number.isNaN(Date.parse(String(payload.timestamp))))
      problems.push('payload.timestamp must be ISO 8601');
    for (const field of ['component', 'group', 'class'] as const)
      if (payload[field] !== undefined && !isString(payload[field]))
        problems.push(`payload.${field} must be a string`);
    if (payload.custom_details !== undefined && !isObject(payload.custom_details))
      problems.push('payload.custom_details must be an object');
  }
  if (
    body.links !== undefined &&
    !(Array.isArray(body.links) && body.links.every((link) => isObject(link) && isHttpUrl(link.href)))
  )
    problems.push('links need an absolute href each');
  return problems;
}

// --- ntfy: publish as a body with headers -------------------------------------------------------------

/** ntfy accepts RFC 2047 encoded words in Title (since v2.4). */
export function decodeHeader(value: string): string {
  const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=$/i.exec(value.trim());
  return match?.[1] ? Buffer.from(match[1], 'base64').toString('utf8') : value;
}

const PRIORITIES = new Set(['1', '2', '3', '4', '5', 'min', 'low', 'default', 'high', 'max', 'urgent']);

export function validateNtfyPublish(
  topic: string,
  headers: IncomingHttpHeaders,
  body: string,
  expectedToken: string | null,
): { problems: string[]; status: number } {
  const problems: string[] = [];
  if (expectedToken !== null && headers.authorization !== `Bearer ${expectedToken}`)
    return { problems: ['missing or wrong access token'], status: 401 };
  if (!/^[-_A-Za-z0-9]{1,64}$/.test(topic)) problems.push('invalid topic');
  const title = headers.title;
  if (!isString(title) || decodeHeader(title).trim() === '') problems.push('Title header missing');
  else if (/[^\x20-\x7e]/.test(title))
    problems.push('Title header must be ASCII (RFC 2047-encode anything else)');
  if (headers.priority !== undefined && !PRIORITIES.has(String(headers.priority)))
    problems.push('Priority must be 1–5 or a name');
  if (headers.tags !== undefined && !/^[\w+-]+(,\s*[\w+-]+)*$/.test(String(headers.tags)))
    problems.push('Tags must be a comma list');
  if (headers.click !== undefined && !isHttpUrl(headers.click))
    problems.push('Click must be an absolute URL');
  if (headers.actions !== undefined) {
    const actions = String(headers.actions)
      .split(';')
      .map((action) => action.trim());
    if (actions.length > 3) problems.push('at most 3 actions');
    for (const action of actions) {
      const [kind, label, url] = action.split(',').map((part) => part.trim());
      if (kind !== 'view' || !label || !isHttpUrl(url))
        problems.push(`action "${action}" is not "view, <label>, <url>"`);
    }
  }
  if (body.trim() === '') problems.push('message body is empty');
  if (Buffer.byteLength(body) > 4096) problems.push('message over 4096 bytes (would become an attachment)');
  return { problems, status: problems.length > 0 ? 400 : 200 };
}

// --- Levelboard's signed webhook ----------------------------------------------------------------------

/** What a receiver does with X-Levelboard-Signature: recompute over "<t>.<raw body>" and compare. */
export function verifyLevelboardSignature(
  header: string | undefined,
  rawBody: string,
  secret: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300,
): string | null {
  if (!header) return 'signature header missing';
  const parts = Object.fromEntries(
    header.split(',').map((part) => part.trim().split('=', 2) as [string, string]),
  );
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp)) return 'signature timestamp missing';
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return 'signature too old';
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  const given = Buffer.from(String(parts.v1 ?? ''), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'signature does not verify';
  return null;
}

export function validateLevelboardWebhook(headers: IncomingHttpHeaders, rawBody: string, secret: string) {
  const signatureProblem = verifyLevelboardSignature(
    headers['x-levelboard-signature'] as string | undefined,
    rawBody,
    secret,
  );
  if (signatureProblem) return { problems: [signatureProblem], status: 401 };
  const problems: string[] = [];
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { problems: ['body is not JSON'], status: 400 };
  }
  if (!isObject(body) || body.version !== 1) problems.push('version must be 1');
  else {
    if (headers['x-levelboard-delivery'] !== body.id)
      problems.push('X-Levelboard-Delivery must equal the body id');
    for (const field of ['id', 'kind', 'severity', 'title', 'url', 'createdAt'])
      if (!isString(body[field])) problems.push(`${field} must be a string`);
    if (!Array.isArray(body.items)) problems.push('items must be an array');
  }
  return { problems, status: problems.length > 0 ? 400 : 200 };
}
