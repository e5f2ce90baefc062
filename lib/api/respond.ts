import 'server-only';
import { createHash } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';

const BASE_HEADERS = { 'Cache-Control': 'private, no-cache', Vary: 'Cookie' };

function quoted(tag: string) {
  return `"${tag}"`;
}

function matches(request: NextRequest, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim() === etag || candidate.trim() === '*');
}

/**
 * Answers from a strong ETag computed *before* the body: for snapshot-backed routes the tag is
 * the snapshot version, the staleness flag and the query, so an unchanged poll costs no JSON work.
 */
export function respondVersioned(
  request: NextRequest,
  tagParts: readonly (string | number | boolean)[],
  body: () => string,
  memo?: string,
): NextResponse {
  const etag = quoted(
    createHash('sha1').update(tagParts.join('\u0000')).update(request.nextUrl.search).digest('base64url').slice(0, 27),
  );
  if (matches(request, etag)) return new NextResponse(null, { status: 304, headers: { ...BASE_HEADERS, ETag: etag } });
  return new NextResponse(memoized(memo, etag, body), {
    status: 200,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ETag: etag },
  });
}

// The last body per memo slot: many viewers polling the same unchanged data share one serialisation.
const bodies = new Map<string, { etag: string; body: string }>();

function memoized(slot: string | undefined, etag: string, body: () => string): string {
  if (slot === undefined) return body();
  const hit = bodies.get(slot);
  if (hit?.etag === etag) return hit.body;
  const fresh = body();
  bodies.set(slot, { etag, body: fresh });
  return fresh;
}

/** For bodies not tied to a snapshot version (e.g. device detail from Level): tag by content. */
export function respondHashed(request: NextRequest, value: unknown): NextResponse {
  const json = JSON.stringify(value);
  const etag = quoted(createHash('sha1').update(json).digest('base64url').slice(0, 27));
  if (matches(request, etag)) return new NextResponse(null, { status: 304, headers: { ...BASE_HEADERS, ETag: etag } });
  return new NextResponse(json, {
    status: 200,
    headers: { ...BASE_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ETag: etag },
  });
}
