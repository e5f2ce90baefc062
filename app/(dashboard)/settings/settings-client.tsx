'use client';

import { AuditLog } from '@/components/settings/audit-log';
import { LevelConnection } from '@/components/settings/level-connection';
import { OidcSettings } from '@/components/settings/oidc-settings';
import { ShareLinks } from '@/components/settings/share-links';
import { SignOutEverywhere } from '@/components/settings/sign-out-everywhere';
import { WallScreens } from '@/components/settings/wall-screens';
import { WebhookSettings } from '@/components/settings/webhook-settings';
import Link from 'next/link';

export function SettingsClient() {
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        {/* The phone's tab bar has no room for Users or Notifications; these are their ways there. */}
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          <Link
            href="/settings/notifications"
            className="text-sm font-medium text-accent underline underline-offset-2"
            data-testid="settings-notifications-link"
          >
            Notifications →
          </Link>
          <Link
            href="/settings/reports"
            className="text-sm font-medium text-accent underline underline-offset-2"
            data-testid="settings-reports-link"
          >
            Client reports →
          </Link>
          <Link
            href="/settings/reports/clients"
            className="text-sm font-medium text-accent underline underline-offset-2"
            data-testid="settings-report-clients-link"
          >
            Client report settings →
          </Link>
          <Link
            href="/users"
            className="text-sm font-medium text-accent underline underline-offset-2"
            data-testid="settings-users-link"
          >
            Users and sign-in →
          </Link>
          <Link
            href="/settings/reports/branding"
            className="text-sm font-medium text-accent underline underline-offset-2"
            data-testid="settings-report-branding-link"
          >
            Report branding →
          </Link>
        </div>
      </div>
      <LevelConnection />
      <WebhookSettings />
      <OidcSettings />
      <ShareLinks />
      <WallScreens />
      <SignOutEverywhere />
      <AuditLog />
    </div>
  );
}
