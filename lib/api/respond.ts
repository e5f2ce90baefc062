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

// The last body per memo slot: many viewers polling the same unchanged data share one serialisation.
const bodies = new Map<string, { etag: string; body: Buffer }>();

function memoized(slot: string | undefined, etag: string, body: () => string): Buffer {
  const hit = slot === undefined ? undefined : bodies.get(slot);
  if (hit?.etag === etag) return hit.body;
  const fresh = Buffer.from(body());
  if (slot !== undefined) bodies.set(slot, { etag, body: fresh });
  return fresh;
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
  const etag = tagOf(...tagParts.map(String), request.url.search);
  if (matches(request, etag)) return { status: 304, headers: { ...BASE_HEADERS, ETag: etag } };
  return {
    status: 200,
    headers: { ...BASE_HEADERS, 'Content-Type': JSON_TYPE, ETag: etag },
    body: memoized(memo, etag, body),
  };
}

/** For bodies not tied to a snapshot version (e.g. device detail from Level): tag by content. */
export function respondHashed(request: ApiRequest, value: unknown): ApiResult {
  const json = JSON.stringify(value);
  const etag = tagOf(json);
  if (matches(request, etag)) return { status: 304, headers: { ...BASE_HEADERS, ETag: etag } };
  return { status: 200, headers: { ...BASE_HEADERS, 'Content-Type': JSON_TYPE, ETag: etag }, body: json };
}
