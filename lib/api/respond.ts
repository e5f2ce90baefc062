import type { ApiRequest, ApiResult } from '@/lib/api/types';
import { createHash } from 'node:crypto';
import 'server-only';

const BASE_HEADERS = { 'Cache-Control': 'private, no-cache', Vary: 'Cookie' };
const JSON_TYPE = 'application/json; charset=utf-8';

function matches(request: ApiRequest, etag: string): boolean {
  const header = request.header('if-none-match');
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim() === etag || candidate.trim() === '*');
}

const tagOf = (...parts: string[]) =>
  `"${createHash('sha1').update(parts.join('\u0000')).digest('base64url').slice(0, 27)}"`;

// The last answer per memo slot: many viewers polling the same unchanged data share one tag
// computation and one serialisation.
const answers = new Map<string, { key: string; etag: string; body?: Buffer }>();

/**
 * Answers from a strong ETag computed *before* the body: for snapshot-backed routes the tag is
 * the snapshot version, the staleness flag and the query, so an unchanged poll costs no JSON work.
 */
export function respondVersioned(
  request: ApiRequest,
  tagParts: readonly (string | number | boolean)[],
  body: () => string,
  memo?: string,
): ApiResult {
  const key = `${tagParts.join('\u0000')}\u0000${request.url.pathname}${request.url.search}`;
  let answer = memo === undefined ? undefined : answers.get(memo);
  if (answer?.key !== key) {
    answer = { key, etag: tagOf(key) };
    if (memo !== undefined) answers.set(memo, answer);
  }
  if (matches(request, answer.etag)) return { status: 304, headers: { ...BASE_HEADERS, ETag: answer.etag } };
  answer.body ??= Buffer.from(body());
  return {
    status: 200,
    headers: { ...BASE_HEADERS, 'Content-Type': JSON_TYPE, ETag: answer.etag },
    body: answer.body,
  };
}

/** For bodies not tied to a snapshot version (e.g. device detail from Level): tag by content. */
export function respondHashed(request: ApiRequest, value: unknown): ApiResult {
  const json = JSON.stringify(value);
  const etag = tagOf(json);
  if (matches(request, etag)) return { status: 304, headers: { ...BASE_HEADERS, ETag: etag } };
  return { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': JSON_TYPE, ETag: etag }, body: json };
}
