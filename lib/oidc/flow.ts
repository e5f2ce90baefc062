import { audit } from '@/lib/auth/audit';
import type { Store } from '@/lib/db/open';
import type { GroupNode } from '@/lib/domain/fleet';
import { logger } from '@/lib/logger';
import { claimValues, decideRole, decideScope } from '@/lib/oidc/claims';
import { OidcClient, type OidcClientOptions } from '@/lib/oidc/client';
import { CALLBACK_PATH, type OidcConfig } from '@/lib/oidc/config';
import { classifyOidcError, OidcSignInError, type OidcFailure } from '@/lib/oidc/errors';
import {
  clearedTransactionCookie,
  openTransaction,
  safeReturnPath,
  transactionCookie,
} from '@/lib/oidc/transaction';
import { profileOf, upsertOidcUser } from '@/lib/oidc/users';
import 'server-only';

// One OIDC sign-in from start to finish. Every failure ends in a redirect to the login page with a
// reason code (lib/oidc/errors.ts names it in words) and an audit entry; no token, code or secret
// is written anywhere.

export interface OidcFlowDeps {
  store: Store;
  config: () => Promise<OidcConfig | null>;
  /** The fleet's groups now, to resolve the scope claim; null before the first sync. */
  groups: () => ReadonlyMap<string, Pick<GroupNode, 'id' | 'name' | 'path'>> | null;
  /** lib/auth/person-sessions.ts startPersonSession: the session's Set-Cookie value. */
  startSession: (input: {
    userId: string;
    method: 'oidc';
    ip: string | null;
    userAgent: string | null;
  }) => Promise<string>;
  usersChanged: () => void;
  sealPassword: () => string;
  secureCookies: () => boolean;
  client?: OidcClientOptions;
}

export interface Redirect {
  location: string;
  cookie: string;
}

export interface CallbackInput {
  /** The callback's query string, as the provider sent it. */
  search: string;
  transactionCookie: string | undefined;
  ip: string | null;
  userAgent: string | null;
}

const failurePage = (reason: OidcFailure) => `/login?error=${reason}`;
const AUDIT_ACTION = 'login.oidc';

export class OidcFlow {
  private readonly client: OidcClient;
  private readonly log = logger.child({ component: 'oidc' });

  constructor(private readonly deps: OidcFlowDeps) {
    this.client = new OidcClient(deps.client);
  }

  /** Where to send the browser to sign in, and the cookie that remembers this attempt. */
  async start(input: { origin: string; returnTo: string | null; ip: string | null }): Promise<Redirect> {
    const secure = this.deps.secureCookies();
    const config = await this.deps.config();
    if (!config) return { location: failurePage('not_configured'), cookie: clearedTransactionCookie(secure) };
    const redirectUri = `${input.origin}${CALLBACK_PATH}`;
    try {
      const request = await this.client.authorizationRequest(config, redirectUri);
      const cookie = await transactionCookie(
        {
          state: request.state,
          nonce: request.nonce,
          verifier: request.verifier,
          returnTo: safeReturnPath(input.returnTo),
          issuer: config.issuer,
          clientId: config.clientId,
          redirectUri,
        },
        this.deps.sealPassword(),
        secure,
      );
      return { location: request.url, cookie };
    } catch (error) {
      const reason = classifyOidcError(error);
      await this.fail(reason, error, { issuer: config.issuer, ip: input.ip, step: 'start' });
      return { location: failurePage(reason), cookie: clearedTransactionCookie(secure) };
    }
  }

  /** Finishes a sign-in: a session and the way back, or the login page with the reason. */
  async callback(input: CallbackInput): Promise<Redirect> {
    const secure = this.deps.secureCookies();
    const cleared = clearedTransactionCookie(secure);
    const config = await this.deps.config();
    if (!config) return { location: failurePage('not_configured'), cookie: cleared };
    const transaction = await openTransaction(input.transactionCookie, this.deps.sealPassword());
    const context = { issuer: config.issuer, ip: input.ip };
    try {
      // Started under another provider or client (Settings changed meanwhile), or no start at all.
      if (!transaction || transaction.issuer !== config.issuer || transaction.clientId !== config.clientId)
        throw new OidcSignInError('state', { transaction: transaction ? 'other-provider' : 'missing' });
      // The URL the provider redirected to, as registered: the same redirect_uri as the start's.
      const callbackUrl = new URL(`${transaction.redirectUri}${input.search}`);
      const identity = await this.client.finish(config, callbackUrl, transaction);
      const { role, scope } = this.grant(config, identity.claims, identity.subject);
      const profile = profileOf(identity.claims, identity.issuer, identity.subject);
      const user = await upsertOidcUser(this.deps.store, {
        issuer: identity.issuer,
        subject: identity.subject,
        ...profile,
        role,
        scope,
      });
      this.deps.usersChanged();
      const cookie = await this.deps.startSession({
        userId: user.id,
        method: 'oidc',
        ip: input.ip,
        userAgent: input.userAgent,
      });
      await audit(this.deps.store, {
        actor: `${user.name} <${user.email}>`,
        actorId: user.id,
        action: AUDIT_ACTION,
        result: 'ok',
        ip: input.ip,
        detail: {
          issuer: identity.issuer,
          role,
          scope: scope.kind === 'fleet' ? 'fleet' : `${scope.groupIds.length} group(s)`,
          ...(user.created ? { created: true } : {}),
        },
      });
      return { location: transaction.returnTo, cookie };
    } catch (error) {
      const reason = classifyOidcError(error);
      await this.fail(reason, error, context);
      return { location: failurePage(reason), cookie: cleared };
    }
  }

  private grant(config: OidcConfig, claims: Record<string, unknown>, subject: string) {
    const decision = decideRole(claimValues(claims, config.roleClaim), config.roleMap, config.defaultRole);
    if ('refused' in decision) throw new OidcSignInError('refused', { subject, roleClaim: config.roleClaim });
    const scoped = decideScope(decision.role, claimValues(claims, config.scopeClaim), this.deps.groups());
    if (!scoped.scope)
      throw new OidcSignInError('no_scope', {
        subject,
        scopeClaim: config.scopeClaim,
        unmatched: scoped.unmatched,
      });
    return { role: decision.role, scope: scoped.scope };
  }

  private async fail(
    reason: OidcFailure,
    error: unknown,
    context: { issuer: string; ip: string | null; step?: string },
  ): Promise<void> {
    // The library's message names the failed check; it never carries a token or code.
    const message = error instanceof Error ? error.message : String(error);
    const detail = error instanceof OidcSignInError ? error.detail : { error: message.slice(0, 200) };
    this.log.warn({ reason, issuer: context.issuer, step: context.step }, `OIDC sign-in failed: ${message}`);
    try {
      await audit(this.deps.store, {
        actor: 'anonymous',
        action: AUDIT_ACTION,
        result: reason === 'refused' || reason === 'no_scope' || reason === 'disabled' ? 'denied' : 'failed',
        ip: context.ip,
        detail: {
          reason,
          issuer: context.issuer,
          ...(context.step ? { step: context.step } : {}),
          ...detail,
        },
      });
    } catch (auditError) {
      this.log.error({ err: auditError }, 'could not audit a failed OIDC sign-in');
    }
  }
}
