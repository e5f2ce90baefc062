'use client';

import { inputClass } from '@/components/settings/section';
import type { GroupNode } from '@/lib/domain/fleet';
import type { PersonScope } from '@/lib/domain/scope';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/** Whole fleet, or chosen client groups (each with everything beneath it). */
export function ScopePicker({
  value,
  onChange,
  legend = 'Sees',
  fleetLabel = 'The whole fleet',
}: {
  value: PersonScope;
  onChange: (scope: PersonScope) => void;
  legend?: string;
  fleetLabel?: string;
}) {
  const groups = useQuery({
    queryKey: queryKeys.groupsForLinks(),
    queryFn: ({ signal }) => fetchJson<{ groups: GroupNode[] }>('/api/groups', { signal }),
  });
  const [filter, setFilter] = useState('');
  const chosen = new Set(value.kind === 'groups' ? value.groupIds : []);
  const list = (groups.data?.groups ?? []).filter((group) =>
    group.path.join(' / ').toLowerCase().includes(filter.trim().toLowerCase()),
  );
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next.size === 0 ? { kind: 'fleet' } : { kind: 'groups', groupIds: [...next] });
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="radio"
          name="scope-kind"
          checked={value.kind === 'fleet'}
          onChange={() => onChange({ kind: 'fleet' })}
        />
        {fleetLabel}
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="radio"
          name="scope-kind"
          checked={value.kind === 'groups'}
          disabled={(groups.data?.groups.length ?? 0) === 0}
          onChange={() => {
            const first = groups.data?.groups[0];
            if (first) onChange({ kind: 'groups', groupIds: [first.id] });
          }}
        />
        Chosen clients or groups
      </label>
      {value.kind === 'groups' ? (
        <div className="space-y-1">
          <input
            type="search"
            placeholder="Filter groups"
            aria-label="Filter groups"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            className={inputClass}
          />
          <ul
            className="max-h-48 overflow-y-auto rounded-md border border-line bg-surface p-2 text-sm"
            data-testid="scope-groups"
          >
            {list.map((group) => (
              <li key={group.id}>
                <label className="flex items-center gap-2" style={{ paddingLeft: `${group.depth}rem` }}>
                  <input type="checkbox" checked={chosen.has(group.id)} onChange={() => toggle(group.id)} />
                  {group.path.join(' / ')}
                </label>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </fieldset>
  );
}
