'use client';

import { Button } from '@/components/ui/button';
import { SearchInput } from '@/components/ui/search-input';
import { SelectField } from '@/components/ui/select-field';
import { ToggleChips } from '@/components/ui/toggle-chips';
import { DEVICE_ROLES } from '@/lib/domain/device';
import { DEVICE_SORT_KEYS, type DeviceSortKey } from '@/lib/domain/device-sort';
import type { GroupName } from '@/lib/domain/fleet';
import type { PatchState } from '@/lib/domain/posture';
import { PLATFORM_LABEL, ROLE_LABEL, STATUS_LABEL } from '@/lib/format';
import {
  ALERT_FILTERS,
  DEVICE_PLATFORMS,
  DEVICE_STATUSES,
  PATCH_STATES,
  type AlertFilter,
  type DeviceSort,
  type DeviceView,
} from '@/lib/query/device-params';
import clsx from 'clsx';
import { SlidersHorizontal } from 'lucide-react';
import { memo, useId, useState } from 'react';

const STATUS_OPTIONS = DEVICE_STATUSES.map((value) => ({
  value,
  label: STATUS_LABEL[value],
  dot: { online: 'bg-online', offline: 'bg-offline', maintenance: 'bg-maintenance' }[value],
}));
const PLATFORM_OPTIONS = DEVICE_PLATFORMS.map((value) => ({ value, label: PLATFORM_LABEL[value] ?? value }));
const ROLE_OPTIONS = DEVICE_ROLES.map((value) => ({
  value,
  label: value === 'domain_controller' ? 'DC' : (ROLE_LABEL[value] ?? value),
}));
const ALERT_LABEL: Record<AlertFilter, string> = {
  any: 'With active alerts',
  critical: 'Critical or worse',
  none: 'Without alerts',
};
const PATCH_LABEL: Record<PatchState, string> = {
  failed: 'Failed updates',
  pending: 'Updates pending',
  ok: 'Up to date',
  unknown: 'Not fetched yet',
};
// One menu for the security filters: each sets one /api/devices parameter and clears the others.
const SECURITY_FILTERS = {
  risk: { label: 'High risk', patch: { risk: 'high' } },
  antivirus: { label: 'Antivirus problem', patch: { antivirus: 'bad' } },
  unencrypted: { label: 'Not encrypted', patch: { encrypted: 'false' } },
  eol: { label: 'OS end of life', patch: { eol: 'true' } },
} as const satisfies Record<string, { label: string; patch: Partial<DeviceView> }>;
type SecurityFilter = keyof typeof SECURITY_FILTERS;
const NO_SECURITY_FILTER = { risk: undefined, antivirus: undefined, encrypted: undefined, eol: undefined };

function securityFilter(view: DeviceView): SecurityFilter | undefined {
  if (view.risk === 'high') return 'risk';
  if (view.antivirus === 'bad') return 'antivirus';
  if (view.encrypted === 'false') return 'unencrypted';
  return view.eol === 'true' ? 'eol' : undefined;
}

/** Any security parameter, including those only a link can set (`risk=low`): the count says so. */
const securityActive = (view: DeviceView) =>
  Boolean(view.risk || view.antivirus || view.encrypted || view.eol);

const SORT_LABEL: Record<DeviceSortKey, string> = {
  name: 'Name',
  hostname: 'Hostname',
  status: 'Status',
  client: 'Client',
  platform: 'Platform',
  role: 'Role',
  lastSeen: 'Last seen',
  securityScore: 'Security score',
  alerts: 'Alerts',
};
// The page sorts by name unless told otherwise, so the menu offers that first.
const SORT_MENU: DeviceSortKey[] = ['name', ...DEVICE_SORT_KEYS.filter((key) => key !== 'name')];

export function DeviceFilters({
  view,
  search,
  onSearch,
  onChange,
  onClear,
  groups,
  tags,
  flags,
  filtered,
}: {
  view: DeviceView;
  search: string;
  onSearch: (value: string) => void;
  onChange: (patch: Partial<DeviceView>) => void;
  onClear: () => void;
  groups: GroupName[] | undefined;
  tags: string[];
  flags: string[];
  filtered: boolean;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const activeCount =
    view.status.length +
    view.platform.length +
    view.role.length +
    [view.group, view.tag, view.alerts, view.flag, view.patch, securityActive(view)].filter(Boolean).length;
  return (
    <div className="space-y-2" data-testid="device-filters">
      <div className="flex gap-2">
        <SearchInput
          label="Search devices"
          placeholder="Search name, user, serial"
          value={search}
          onChange={onSearch}
          testId="device-search"
        />
        <Button
          className="md:hidden"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((value) => !value)}
        >
          <SlidersHorizontal className="size-4" aria-hidden />
          Filters{activeCount ? ` (${activeCount})` : ''}
        </Button>
      </div>
      <FilterPanel
        id={panelId}
        open={open}
        view={view}
        onChange={onChange}
        onClear={onClear}
        groups={groups}
        tags={tags}
        flags={flags}
        filtered={filtered}
      />
    </div>
  );
}

/** Everything but the search box; memoised, so typing a search does not re-render ~200 options. */
const FilterPanel = memo(function FilterPanel({
  id,
  open,
  view,
  onChange,
  onClear,
  groups,
  tags,
  flags,
  filtered,
}: {
  id: string;
  open: boolean;
  view: DeviceView;
  onChange: (patch: Partial<DeviceView>) => void;
  onClear: () => void;
  groups: GroupName[] | undefined;
  tags: string[];
  flags: string[];
  filtered: boolean;
}) {
  return (
    <div id={id} className={clsx('flex-wrap items-center gap-x-5 gap-y-2', open ? 'flex' : 'hidden md:flex')}>
      <ToggleChips
        label="Status"
        options={STATUS_OPTIONS}
        value={view.status}
        onChange={(status) => onChange({ status })}
        testId="filter-status"
      />
      <ToggleChips
        label="Platform"
        options={PLATFORM_OPTIONS}
        value={view.platform}
        onChange={(platform) => onChange({ platform })}
        testId="filter-platform"
      />
      <ToggleChips
        label="Role"
        options={ROLE_OPTIONS}
        value={view.role}
        onChange={(role) => onChange({ role })}
        testId="filter-role"
      />
      <div className="grid w-full grid-cols-2 gap-2 sm:flex sm:w-auto sm:flex-wrap sm:items-center">
        <SelectField
          label="Client / group"
          value={view.group ?? ''}
          onChange={(group) => onChange({ group: group || undefined })}
          className="col-span-2 sm:w-56"
          testId="filter-group"
          compact
        >
          <option value="">All clients and groups</option>
          <option value="ungrouped">Ungrouped</option>
          {groups?.map((group) => (
            <option key={group.id} value={group.id}>
              {`${'\u00a0\u00a0'.repeat(group.depth)}${group.name}`}
            </option>
          ))}
          {view.group && view.group !== 'ungrouped' && !groups?.some((group) => group.id === view.group) ? (
            <option value={view.group}>{view.group}</option>
          ) : null}
        </SelectField>
        <TagField value={view.tag} tags={tags} onChange={(tag) => onChange({ tag })} />
        <SelectField
          label="Alerts"
          value={view.alerts ?? ''}
          onChange={(alerts) => onChange({ alerts: (alerts || undefined) as AlertFilter | undefined })}
          className="sm:w-44"
          testId="filter-alerts"
          compact
        >
          <option value="">Any alerts</option>
          {ALERT_FILTERS.map((value) => (
            <option key={value} value={value}>
              {ALERT_LABEL[value]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Patches"
          value={view.patch ?? ''}
          onChange={(patch) => onChange({ patch: (patch || undefined) as PatchState | undefined })}
          className="sm:w-44"
          testId="filter-patch"
          compact
        >
          <option value="">Any patch state</option>
          {PATCH_STATES.map((value) => (
            <option key={value} value={value}>
              {PATCH_LABEL[value]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Security"
          value={securityFilter(view) ?? ''}
          onChange={(value) =>
            onChange({
              ...NO_SECURITY_FILTER,
              ...(value ? SECURITY_FILTERS[value as SecurityFilter].patch : {}),
            })
          }
          className="sm:w-44"
          testId="filter-security"
          compact
        >
          <option value="">Any security</option>
          {(Object.keys(SECURITY_FILTERS) as SecurityFilter[]).map((key) => (
            <option key={key} value={key}>
              {SECURITY_FILTERS[key].label}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Level flag"
          value={view.flag ?? ''}
          onChange={(flag) => onChange({ flag: flag || undefined })}
          className="sm:w-44"
          testId="filter-flag"
          compact
        >
          <option value="">Any Level flag</option>
          <option value="any">Flagged</option>
          <option value="none">Not flagged</option>
          {flags.map((flag) => (
            <option key={flag} value={flag}>
              {flag}
            </option>
          ))}
          {view.flag && view.flag !== 'any' && view.flag !== 'none' && !flags.includes(view.flag) ? (
            <option value={view.flag}>{view.flag}</option>
          ) : null}
        </SelectField>
        <SelectField
          label="Sort by"
          value={view.sort}
          onChange={(sort) => onChange({ sort: sort as DeviceSort })}
          className="md:hidden"
          testId="filter-sort"
          compact
        >
          {SORT_MENU.flatMap((key) => [
            <option key={key} value={key}>
              {SORT_LABEL[key]} ↑
            </option>,
            <option key={`-${key}`} value={`-${key}`}>
              {SORT_LABEL[key]} ↓
            </option>,
          ])}
        </SelectField>
        {filtered ? (
          <Button onClick={onClear} className="h-8 py-0" data-testid="clear-filters">
            Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
});

/** Applies a tag when it is picked from the list, or on Enter / leaving the field when typed. */
function TagField({
  value,
  tags,
  onChange,
}: {
  value: string | undefined;
  tags: string[];
  onChange: (tag: string | undefined) => void;
}) {
  const listId = useId();
  const [text, setText] = useState(value ?? '');
  const [applied, setApplied] = useState(value);
  if (value !== applied) {
    setApplied(value);
    setText(value ?? '');
  }
  const commit = (next: string) => {
    const tag = next.trim() || undefined;
    if (tag !== value) onChange(tag);
  };
  return (
    <label className="flex min-w-0 flex-col gap-1 text-xs font-medium text-muted sm:w-40">
      <span className="sr-only">Tag</span>
      <input
        list={listId}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (!event.target.value || tags.includes(event.target.value)) commit(event.target.value);
        }}
        onBlur={() => commit(text)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(text);
        }}
        placeholder="Any tag"
        className="h-8 min-w-0 rounded-md border border-line bg-raised px-2 text-sm text-ink placeholder:text-muted focus-visible:outline-2 focus-visible:outline-accent"
        data-testid="filter-tag"
      />
      <datalist id={listId}>
        {tags.map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </label>
  );
}
