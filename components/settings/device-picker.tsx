'use client';

import { inputClass } from '@/components/settings/section';
import type { DeviceRow } from '@/lib/domain/fleet';
import { MAX_SCOPE_DEVICES as MAX_LINK_DEVICES } from '@/lib/domain/scope';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Plus, X } from 'lucide-react';
import { useEffect, useId, useState } from 'react';

export interface PickedDevice {
  id: string;
  name: string;
}

const RESULTS = 8;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * Chooses the devices of a device-list link by name: search as you type (the devices API's own
 * `q`), add from the results, remove a chip. Each chosen id goes into the form as `deviceIds`.
 */
export function DevicePicker({
  picked,
  onChange,
}: {
  picked: PickedDevice[];
  onChange: (next: PickedDevice[]) => void;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 200);
  const labelId = useId();
  const results = useQuery({
    queryKey: queryKeys.devicePicker(q),
    queryFn: ({ signal }) =>
      fetchJson<{ data: DeviceRow[]; total: number }>(
        `/api/devices?${new URLSearchParams({ q, sort: 'name', limit: String(RESULTS) })}`,
        { signal },
      ),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const chosen = new Set(picked.map((device) => device.id));
  const full = picked.length >= MAX_LINK_DEVICES;
  const add = (device: DeviceRow) => {
    if (chosen.has(device.id) || full) return;
    onChange([...picked, { id: device.id, name: device.displayName }]);
  };
  const rows = q ? (results.data?.data ?? []) : [];

  return (
    <div className="sm:col-span-2 lg:col-span-3" data-testid="device-picker">
      <span id={labelId} className="text-sm font-medium">
        Devices ({picked.length} of at most {MAX_LINK_DEVICES})
      </span>
      {picked.length > 0 ? (
        <ul className="mt-1 flex flex-wrap gap-1.5" aria-label="Chosen devices">
          {picked.map((device) => (
            <li key={device.id}>
              <span
                className="inline-flex items-center gap-1 rounded-full border border-line bg-sunken py-0.5 pr-1 pl-2.5 text-xs"
                title={`Device id ${device.id}`}
                data-testid="picked-device"
              >
                {device.name}
                <button
                  type="button"
                  className="rounded-full p-0.5 hover:bg-raised focus-visible:outline-2 focus-visible:outline-accent"
                  aria-label={`Remove ${device.name}`}
                  onClick={() => onChange(picked.filter((other) => other.id !== device.id))}
                >
                  <X className="size-3.5" aria-hidden />
                </button>
              </span>
              <input type="hidden" name="deviceIds" value={device.id} />
            </li>
          ))}
        </ul>
      ) : null}
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Enter adds the first match instead of submitting the whole form.
          if (event.key === 'Enter') {
            event.preventDefault();
            const first = rows.find((row) => !chosen.has(row.id));
            if (first) {
              add(first);
              setText('');
            }
          }
        }}
        aria-labelledby={labelId}
        aria-describedby={`${labelId}-hint`}
        placeholder="Search devices by name, user or serial"
        className={inputClass}
        disabled={full}
        data-testid="device-search"
      />
      <p id={`${labelId}-hint`} className="mt-1 text-xs text-muted">
        {full
          ? `A link may cover at most ${MAX_LINK_DEVICES} devices; use a group for more.`
          : 'Type to search; Enter adds the first match.'}
      </p>
      {q ? (
        <ul
          className="mt-1 max-h-64 overflow-auto rounded-md border border-line"
          aria-label="Matching devices"
        >
          {rows.map((row) => (
            <li key={row.id} className="border-t border-line first:border-t-0">
              <button
                type="button"
                className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm hover:bg-sunken focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
                disabled={chosen.has(row.id) || full}
                onClick={() => add(row)}
                data-testid="device-option"
              >
                <Plus className="size-4 shrink-0 text-muted" aria-hidden />
                <span className="shrink-0 font-medium whitespace-nowrap">{row.displayName}</span>
                <span className="truncate text-xs text-muted">
                  {[row.displayName !== row.hostname ? row.hostname : null, row.groupPath.join(' / ') || null]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {chosen.has(row.id) ? <span className="ml-auto text-xs text-muted">added</span> : null}
              </button>
            </li>
          ))}
          {results.data && rows.length === 0 ? (
            <li className="px-3 py-1.5 text-sm text-muted">No device matches “{q}”.</li>
          ) : null}
          {results.data && results.data.total > rows.length ? (
            <li className="border-t border-line px-3 py-1.5 text-xs text-muted">
              {results.data.total - rows.length} more match; type more of the name.
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
