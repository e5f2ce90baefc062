import 'server-only';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Readonly<Record<string, QueryValue | readonly string[]>>;

/** Validates the configured base URL (which includes `/v2`) once, at client creation. */
export function parseBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error('Level base URL is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('Level base URL must use http or https');
  }
  if (url.username || url.password) throw new Error('Level base URL must not contain credentials');
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/**
 * `base` + `path` (relative to the base, e.g. `/devices`) + query. `undefined` values are left
 * out; `null` becomes the literal `null` that Level uses for "no group"; arrays repeat the key.
 */
export function buildUrl(base: URL, path: string, query: Query = {}): URL {
  const url = new URL(base.href);
  url.pathname = `${base.pathname}/${path.replace(/^\/+/, '')}`;
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value) url.searchParams.append(key, item);
    } else {
      url.searchParams.append(key, value === null ? 'null' : String(value));
    }
  }
  return url;
}

/** One path segment from an id or token, so `/` or `?` in it cannot change the route. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
