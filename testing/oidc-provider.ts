import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID provider on loopback for tests: the maintained `oidc-provider` package, with PKCE
// required and one confidential client for Levelboard. Its sign-in page lists the accounts as
// buttons ("Sign in as tech"), so a browser or a test's fetch picks who signs in; each account's
// claims are whatever the test set (`setAccount`), read at the moment the tokens are minted.

export interface TestProviderOptions {
  clientId?: string;
  clientSecret?: string;
  /** Callback URLs the client may use. */
  redirectUris: string[];
  accounts?: Record<string, Record<string, unknown>>;
  /** Listen on this port (default: any free one). */
  port?: number;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  setAccount(id: string, claims: Record<string, unknown>): void;
  close(): Promise<void>;
}

/** Claims the provider releases with the `openid` scope, so they reach Levelboard whatever it asks. */
const RELEASED = ['sub', 'roles', 'groups', 'realm_access', 'clients', 'email', 'email_verified', 'name'];

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const clientId = options.clientId ?? 'levelboard';
  const clientSecret = options.clientSecret ?? 'levelboard-test-client-secret';
  const accounts = new Map(Object.entries(options.accounts ?? {}));
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: RELEASED, email: ['email', 'email_verified'], profile: ['name'] },
    findAccount: (_ctx, id) => {
      if (!accounts.has(id)) return undefined;
      return { accountId: id, claims: () => ({ ...accounts.get(id), sub: id }) };
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      IdToken: 3600,
      AccessToken: 600,
      AuthorizationCode: 60,
      // Long enough to outlast a provider process whose clock is set an hour back (oidc-provider-cli.ts):
      // its cookies must not be born expired.
      Interaction: 4 * 3600,
      Session: 4 * 3600,
      Grant: 4 * 3600,
    },
    cookies: { keys: ['levelboard-test-provider-cookie-key'] },
    clientBasedCORS: () => false,
  });
  // Quiet: a refused code is what some tests are about.
  provider.on('server_error', () => {});

  const handleProvider = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) {
      handleProvider(req, res);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (req.method === 'GET') {
          const buttons = [...accounts.keys()]
            .map(
              (id) =>
                `<button type="submit" name="login" value="${escapeHtml(id)}">Sign in as ${escapeHtml(id)}</button>`,
            )
            .join('\n');
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(
            `<!doctype html><html><head><title>Test provider</title></head><body><h1>Test provider sign-in</h1>` +
              `<form method="post" action="/interaction/${details.uid}">${buttons}</form></body></html>`,
          );
          return;
        }
        const accountId = (await readForm(req)).get('login') ?? '';
        if (!accounts.has(accountId)) {
          await provider.interactionFinished(req, res, {
            error: 'access_denied',
            error_description: 'unknown account',
          });
          return;
        }
        const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
        grant.addOIDCScope(String(details.params.scope));
        const grantId = await grant.save();
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId }, consent: { grantId } },
          { mergeWithLastSubmission: false },
        );
      } catch (error) {
        res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(error instanceof Error ? error.message : String(error));
      }
    })();
  });

  return {
    issuer,
    clientId,
    clientSecret,
    setAccount: (id, claims) => accounts.set(id, claims),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
