'use client';

import { AuditLog } from '@/components/settings/audit-log';
import { LevelConnection } from '@/components/settings/level-connection';
import { OidcSettings } from '@/components/settings/oidc-settings';
import { ShareLinks } from '@/components/settings/share-links';
import { SignOutEverywhere } from '@/components/settings/sign-out-everywhere';
import { WallScreens } from '@/components/settings/wall-screens';
import { WebhookSettings } from '@/components/settings/webhook-settings';

export function SettingsClient() {
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
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
