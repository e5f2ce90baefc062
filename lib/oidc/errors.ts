// Why an OIDC sign-in failed, as a short code for the audit log and the login page's `?error=`,
// and the sentence a person reads. Pure: the login page imports the messages.

export const OIDC_FAILURES = {
  not_configured: 'Single sign-on is not configured on this Levelboard.',
  state:
    'The sign-in could not be matched to one started here (it expired after 10 minutes, or was started in another browser). Start again.',
  code: 'The sign-in provider did not accept this sign-in any more (a sign-in link can be used once). Start again.',
  issuer: 'The answer did not come from the configured sign-in provider. Sign-in refused.',
  nonce: 'The identity token did not belong to this sign-in. Start again.',
  expired: 'The identity token had expired (check that this server’s clock is right). Start again.',
  token: 'The identity token could not be validated. Sign-in refused.',
  denied: 'The sign-in provider refused or cancelled the sign-in.',
  unreachable: 'The sign-in provider could not be reached. Try again in a moment, or tell your admin.',
  refused: 'Your account at the sign-in provider has no Levelboard role. Ask your admin to grant you one.',
  no_scope:
    'Your account at the sign-in provider names no client of this fleet. Ask your admin to assign you one.',
  disabled: 'Your Levelboard account is disabled. Ask your admin.',
  email_taken:
    'A Levelboard account with your e-mail address exists already and is not linked to this provider. Ask your admin.',
  failed: 'Single sign-on failed. Try again, or tell your admin.',
} as const;

export type OidcFailure = keyof typeof OIDC_FAILURES;

export function isOidcFailure(value: unknown): value is OidcFailure {
  return typeof value === 'string' && Object.hasOwn(OIDC_FAILURES, value);
}

/** A failure the flow decided on, carried up to the callback route. */
export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcFailure,
    readonly detail: Record<string, unknown> = {},
  ) {
    super(OIDC_FAILURES[reason]);
  }
}

function messages(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (current instanceof Error)
      parts.push(current.message, String((current as { code?: unknown }).code ?? ''));
    current = current instanceof Error ? current.cause : undefined;
  }
  return parts.join(' | ');
}

/**
 * What went wrong, from what openid-client (and the oauth4webapi beneath it) threw. Their messages
 * name the parameter or claim that failed a check; that is what is matched here.
 */
export function classifyOidcError(error: unknown): OidcFailure {
  if (error instanceof OidcSignInError) return error.reason;
  // Built-in names only (TimeoutError, AbortError): a production bundle renames library classes.
  const name = error instanceof Error ? error.name : '';
  const text = messages(error);
  if (/"state"/.test(text)) return 'state';
  if (/"iss"|issuer/.test(text)) return 'issuer';
  if (/"nonce"/.test(text)) return 'nonce';
  if (/TIMESTAMP_CHECK|"exp"|"iat"|"nbf"|"auth_time"/.test(text)) return 'expired';
  if (/"aud"|"azp"|JWT|signature|KEY_SELECTION/.test(text)) return 'token';
  if (
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|socket|unexpected HTTP response status|unexpected response content-type|RESPONSE_IS_NOT/.test(
      text,
    )
  )
    return 'unreachable';
  return 'failed';
}
