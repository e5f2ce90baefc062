'use client';

import { parseGroupsView, serializeGroupsView } from '@/app/(dashboard)/groups/search-params';
import { GroupTree } from '@/components/groups/group-tree';
import { PageHeader } from '@/components/layout/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { QueryView } from '@/components/ui/query-view';
import { SearchInput } from '@/components/ui/search-input';
import { SkeletonLines } from '@/components/ui/skeleton';
import { useUrlState } from '@/lib/hooks/use-url-state';
import { groupsQuery } from '@/lib/query/groups';
import { useQuery } from '@tanstack/react-query';
import { Network } from 'lucide-react';
import { useState } from 'react';

export function GroupsClient() {
  const [view, setView] = useUrlState(parseGroupsView, serializeGroupsView);
  const [search, setSearch] = useState(view.q ?? '');
  const groups = useQuery(groupsQuery());
  return (
    <div className="space-y-4">
      <PageHeader title="Groups">
        <p className="text-sm text-muted">
          Clients and their sites, with health rolled up over each subtree.
        </p>
      </PageHeader>
      <SearchInput
        label="Search groups"
        placeholder="Search groups by name"
        value={search}
        onChange={(value) => {
          setSearch(value);
          setView({ q: value.trim() || undefined });
        }}
        testId="group-search"
      />
      <QueryView
        query={groups}
        skeleton={
          <div className="rounded-xl border border-line bg-raised p-4">
            <SkeletonLines lines={8} label="Loading groups" />
          </div>
        }
        isEmpty={(data) => !data.syncedAt}
        empty={
          <EmptyState icon={Network} title="No groups yet">
            Groups appear after the first sync from Level.
          </EmptyState>
        }
      >
        {(data) =>
          data.groups.length === 0 && data.ungrouped.devices.total === 0 ? (
            <EmptyState icon={Network} title="No groups in Level" />
          ) : (
            <GroupTree groups={data.groups} ungrouped={data.ungrouped} query={search} />
          )
        }
      </QueryView>
    </div>
  );
}
