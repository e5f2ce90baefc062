import type { OidcConfig } from '@/lib/oidc/config';
import { OidcSignInError } from '@/lib/oidc/errors';
import * as oidc from 'openid-client';
import 'server-only';

// The relying party, through openid-client: discovery, the authorization request (code + PKCE
// S256, state, nonce) and the code exchange, in which the library validates the ID token
// (signature, issuer, audience, expiry, nonce) and the `iss` response parameter (mix-up defence).

/** Seconds per request to the provider: a sign-in waits for it, so not the library's 30 s. */
const TIMEOUT_S = 10;
/** Discovery is kept this long (keys rotate; the library refetches the JWKS on an unknown key itself). */
const DISCOVERY_TTL_MS = 60 * 60_000;
export const OIDC_SCOPES = 'openid email profile';

export interface OidcClientOptions {
  /** Seconds added to this server's clock when checking tokens (tests of expiry). */
  clockSkewSeconds?: number;
  now?: () => number;
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  nonce: string;
  verifier: string;
}

export interface VerifiedIdentity {
  issuer: string;
  subject: string;
  /** The ID token's claims, completed by UserInfo's where the provider has one. */
  claims: Record<string, unknown>;
}

/**
 * The provider's own refusals, told apart by class (a production bundle renames classes, so their
 * `name` cannot be trusted): `invalid_grant` at the token endpoint is a code used twice or too late.
 */
function providerSaidNo(error: unknown): never {
  if (error instanceof oidc.ResponseBodyError)
    throw new OidcSignInError(error.error === 'invalid_grant' ? 'code' : 'token', { error: error.error });
  if (error instanceof oidc.AuthorizationResponseError)
    throw new OidcSignInError('denied', { error: error.error });
  throw error;
}

const isLoopbackHttp = (issuer: string) => new URL(issuer).protocol === 'http:';

export class OidcClient {
  private cached: { key: string; at: number; config: Promise<oidc.Configuration> } | null = null;
  private readonly now: () => number;

  constructor(private readonly options: OidcClientOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  private configuration(config: OidcConfig): Promise<oidc.Configuration> {
    const key = JSON.stringify([config.issuer, config.clientId, config.clientSecret]);
    if (this.cached && this.cached.key === key && this.now() - this.cached.at < DISCOVERY_TTL_MS)
      return this.cached.config;
    const auth = config.clientSecret ? oidc.ClientSecretBasic(config.clientSecret) : oidc.None();
    const metadata = this.options.clockSkewSeconds
      ? { [oidc.clockSkew]: this.options.clockSkewSeconds }
      : undefined;
    const discovered = oidc.discovery(new URL(config.issuer), config.clientId, metadata, auth, {
      // Only loopback issuers may be plain http (lib/config/oidc-env.ts checks it).
      execute: isLoopbackHttp(config.issuer) ? [oidc.allowInsecureRequests] : [],
      timeout: TIMEOUT_S,
    });
    const entry = { key, at: this.now(), config: discovered };
    this.cached = entry;
    // A failed discovery (provider down) is not kept: the next sign-in tries again.
    discovered.catch(() => {
      if (this.cached === entry) this.cached = null;
    });
    return discovered;
  }

  async authorizationRequest(config: OidcConfig, redirectUri: string): Promise<AuthorizationRequest> {
    const configuration = await this.configuration(config);
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: OIDC_SCOPES,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url: url.href, state, nonce, verifier };
  }

  /** Exchanges the code; throws (openid-client's errors) on any failed check. */
  async finish(
    config: OidcConfig,
    callbackUrl: URL,
    checks: { state: string; nonce: string; verifier: string },
  ): Promise<VerifiedIdentity> {
    const configuration = await this.configuration(config);
    const tokens = await oidc
      .authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.verifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      })
      .catch(providerSaidNo);
    const idToken = tokens.claims();
    if (!idToken) throw new oidc.ClientError('the provider returned no ID token');
    let claims: Record<string, unknown> = { ...idToken };
    if (configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      // Providers that follow the spec strictly put profile and custom claims only in UserInfo.
      // What the signed ID token says wins; UserInfo must be about the same subject.
      const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claims = { ...userinfo, ...idToken };
    }
    return { issuer: idToken.iss, subject: idToken.sub, claims };
  }
}
