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
// computation, one serialisation and one result object each for 200 and 304. Results are shared,
// so nothing downstream may change them (lib/api/handler.ts copies before adding a header).

interface Answer {
  parts: readonly (string | number | boolean)[];
  target: string;
  etag: string;
  notModified: ApiResult;
  ok?: ApiResult;
}

const answers = new Map<string, Answer>();

function sameParts(a: readonly (string | number | boolean)[], b: readonly (string | number | boolean)[]) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function newAnswer(tagParts: readonly (string | number | boolean)[], target: string): Answer {
  const etag = tagOf(`${tagParts.join('\u0000')}\u0000${target}`);
  return {
    parts: tagParts,
    target,
    etag,
    notModified: { status: 304, headers: { ...BASE_HEADERS, ETag: etag } },
  };
}

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
  const target = `${request.url.pathname}${request.url.search}`;
  let answer = memo === undefined ? undefined : answers.get(memo);
  if (!answer || answer.target !== target || !sameParts(answer.parts, tagParts)) {
    answer = newAnswer([...tagParts], target);
    if (memo !== undefined) answers.set(memo, answer);
  }
  if (matches(request, answer.etag)) return answer.notModified;
  answer.ok ??= {
    status: 200,
    headers: { ...BASE_HEADERS, 'Content-Type': JSON_TYPE, ETag: answer.etag },
    body: Buffer.from(body()),
  };
  return answer.ok;
}

/** For bodies not tied to a snapshot version (e.g. device detail from Level): tag by content. */
export function respondHashed(request: ApiRequest, value: unknown): ApiResult {
  const json = JSON.stringify(value);
  const etag = tagOf(json);
  if (matches(request, etag)) return { status: 304, headers: { ...BASE_HEADERS, ETag: etag } };
  return { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': JSON_TYPE, ETag: etag }, body: json };
}
