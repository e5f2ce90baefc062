import type { OidcDefaultRole } from '@/lib/config/oidc-env';

// Settings → Single sign-on, as the browser sees it. The client secret is write-only: only
// whether one is set ever leaves the server.

export const OIDC_TEXT_FIELDS = [
  'issuer',
  'clientId',
  'providerName',
  'roleClaim',
  'roleMap',
  'scopeClaim',
] as const;
export type OidcTextField = (typeof OIDC_TEXT_FIELDS)[number];
export type OidcField = OidcTextField | 'defaultRole' | 'clientSecret';

export interface OidcSettingsView {
  /** What Settings holds (blank: not set there). */
  settings: Record<OidcTextField, string> & { defaultRole: OidcDefaultRole | '' };
  secretSet: boolean;
  /** Fields an OIDC_* variable fixes: they win, and Settings cannot change them. */
  fromEnv: OidcField[];
  /** Whether sign-in through the provider is possible now (issuer and client id known). */
  configured: boolean;
  callbackPath: string;
  localSignIn: 'on' | 'off';
}
