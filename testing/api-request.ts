import type { ApiRequest } from '@/lib/api/types';

export interface TestRequest {
  method?: string;
  /** Path and query, on http://levelboard.test. */
  path?: string;
  /** Header names are matched in lower case, as ApiRequest promises. */
  headers?: Record<string, string | undefined>;
  body?: string;
}

/** A neutral request, as the fast path or a Next route file would hand one to a route. */
export function apiRequest({
  method = 'GET',
  path = '/api/test',
  headers = {},
  body = '',
}: TestRequest = {}) {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  const request: ApiRequest & { bodyReads: number } = {
    method,
    url: new URL(path, 'http://levelboard.test'),
    header: (name) => lower.get(name),
    remoteAddress: '127.0.0.1',
    bodyReads: 0,
    text: () => {
      request.bodyReads += 1;
      return Promise.resolve(body);
    },
  };
  return request;
}
