// A browser's part of an OIDC sign-in for tests that drive it with fetch: it keeps the provider's
// cookies, follows redirects by hand, and presses "Sign in as <account>" on the provider's page.

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';')[0] ?? '';
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/max-age=0\b/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * From the provider's authorization URL to the URL it sends the browser back to (under
 * `returnPrefix`), signing in as `account` on the way.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  account: string,
  returnPrefix: string,
  jar = new CookieJar(),
): Promise<string> {
  let url = authorizationUrl;
  let method: 'GET' | 'POST' = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop += 1) {
    if (url.startsWith(returnPrefix)) return url;
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    jar.take(response);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    const form = /<form method="post" action="([^"]+)">/.exec(html);
    if (response.status !== 200 || !form)
      throw new Error(`provider answered ${response.status}: ${html.slice(0, 300)}`);
    url = new URL(form[1] ?? '', url).href;
    method = 'POST';
    body = new URLSearchParams({ login: account }).toString();
  }
  throw new Error('too many redirects at the provider');
}

/** The value of a cookie from a Set-Cookie line. */
export const cookieValue = (setCookie: string) =>
  (setCookie.split(';')[0] ?? '').split('=').slice(1).join('=');
