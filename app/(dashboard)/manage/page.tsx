import { AutomationsList } from '@/components/actions/automations-list';
import { ReadOnlyNotice } from '@/components/actions/read-only-notice';
import { TagsManager } from '@/components/actions/tags-manager';
import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/page-access';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Manage' };
export const dynamic = 'force-dynamic';

export default async function ManagePage() {
  await requireActor();
  return (
    <div className="space-y-4">
      <PageHeader title="Manage">
        <p className="text-sm text-muted">
          Tags and automations in Level. Groups are managed on the Groups page; devices from the Devices table
          or a device’s page.
        </p>
      </PageHeader>
      <ReadOnlyNotice />
      <div className="grid gap-4 lg:grid-cols-2">
        <TagsManager />
        <AutomationsList />
      </div>
    </div>
  );
}
