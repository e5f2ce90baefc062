'use client';

import { GroupActions, NewGroupButton } from '@/components/actions/group-actions';
import { GroupHeaderRow, GroupRow } from '@/components/groups/group-row';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import type { GroupNode, GroupTotals } from '@/lib/domain/fleet';
import { visibleGroups } from '@/lib/group-tree';
import { ChevronRight, SearchX } from 'lucide-react';
import { useMemo, useState } from 'react';

/** The group tree, depth-first as the API sends it; expandable, filtered by a search. */
export function GroupTree({
  groups,
  ungrouped,
  query,
}: {
  groups: GroupNode[];
  ungrouped: GroupTotals;
  query: string;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const { rows, open, matches } = useMemo(
    () => visibleGroups(groups, expanded, query),
    [groups, expanded, query],
  );
  const parents = useMemo(
    () => groups.filter((group) => group.childIds.length > 0).map((group) => group.id),
    [groups],
  );
  const searching = query.trim().length > 0;
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <p aria-live="polite" data-testid="group-count">
          {searching ? `${matches} matching group${matches === 1 ? '' : 's'}` : `${groups.length} groups`}
        </p>
        {searching ? null : (
          <div className="flex flex-wrap gap-2">
            <NewGroupButton groups={groups} />
            <Button onClick={() => setExpanded(new Set(parents))} data-testid="expand-all">
              Expand all
            </Button>
            <Button onClick={() => setExpanded(new Set())}>Collapse all</Button>
          </div>
        )}
      </div>
      {rows.length === 0 ? (
        <EmptyState icon={SearchX} title="No group matches this search" testId="groups-empty" />
      ) : (
        <div
          role="table"
          aria-label="Groups"
          className="rounded-xl border border-line bg-raised shadow-sm"
          data-testid="group-tree"
        >
          <div role="rowgroup">
            <GroupHeaderRow />
          </div>
          <div role="rowgroup">
            {rows.map((group) => {
              const isOpen = open.has(group.id);
              return (
                <GroupRow
                  key={group.id}
                  id={group.id}
                  name={group.name}
                  href={`/groups/${encodeURIComponent(group.id)}`}
                  totals={group.subtree}
                  actions={<GroupActions group={group} groups={groups} compact />}
                  lead={
                    <span
                      className="flex shrink-0 items-center"
                      style={{ paddingLeft: `${group.depth * 1.25}rem` }}
                    >
                      {group.childIds.length ? (
                        <button
                          type="button"
                          onClick={() => toggle(group.id)}
                          disabled={searching}
                          aria-expanded={isOpen}
                          aria-label={`${isOpen ? 'Collapse' : 'Expand'} ${group.name}`}
                          className="rounded p-1 text-muted hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
                          data-testid="group-toggle"
                        >
                          <ChevronRight
                            className={
                              isOpen ? 'size-4 rotate-90 transition-transform' : 'size-4 transition-transform'
                            }
                            aria-hidden
                          />
                        </button>
                      ) : (
                        <span className="size-6" aria-hidden />
                      )}
                    </span>
                  }
                />
              );
            })}
            {!searching && ungrouped.devices.total > 0 ? (
              <GroupRow
                id="ungrouped"
                name="Ungrouped devices"
                href="/devices?group=ungrouped"
                totals={ungrouped}
                lead={<span className="size-6 shrink-0" aria-hidden />}
              />
            ) : null}
          </div>
        </div>
      )}
    </div>
  );
}
