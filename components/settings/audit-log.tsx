'use client';

import { inputClass, Section } from '@/components/settings/section';
import { auditQuery } from '@/lib/query/admin';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { format } from 'date-fns';
import { useState } from 'react';

/** `person`: start filtered to one person (a user id or `break-glass`), as the Users page links it. */
export function AuditLog({ person }: { person?: string }) {
  const [actorId, setActorId] = useState(person ?? '');
  const audit = useQuery({ ...auditQuery(actorId || undefined), placeholderData: keepPreviousData });
  const people = audit.data?.people ?? [];
  return (
    <Section
      id="audit-heading"
      title="Audit log"
      description="Sign-ins, share links, settings and actions, with who did them — newest first."
    >
      <label className="mb-3 block max-w-sm text-sm">
        <span className="font-medium">Person</span>
        <select
          className={inputClass}
          value={actorId}
          onChange={(event) => setActorId(event.target.value)}
          data-testid="audit-person"
        >
          <option value="">Everyone</option>
          {/* A person asked for by id who has no entries yet still shows as chosen. */}
          {actorId && !people.some((entry) => entry.id === actorId) ? (
            <option value={actorId}>{actorId}</option>
          ) : null}
          {people.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
      </label>
      {/* Focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      <div className="max-h-96 overflow-auto" tabIndex={0} role="region" aria-label="Audit entries">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-raised text-xs text-muted uppercase">
            <tr>
              <th className="py-2 pr-3">When</th>
              <th className="py-2 pr-3">Who</th>
              <th className="py-2 pr-3">What</th>
              <th className="py-2 pr-3">Result</th>
              <th className="py-2">From</th>
            </tr>
          </thead>
          <tbody>
            {(audit.data?.entries ?? []).map((entry) => (
              <tr key={entry.id} className="border-t border-line" data-testid="audit-row">
                <td className="py-1.5 pr-3 whitespace-nowrap tabular-nums">
                  {format(new Date(entry.at), 'yyyy-MM-dd HH:mm:ss')}
                </td>
                <td
                  className="py-1.5 pr-3"
                  title={entry.actor !== entry.actorLabel ? entry.actor : undefined}
                >
                  {entry.actorId === 'break-glass' ? (
                    // The emergency sign-in is loud on purpose: it should be rare, and seen.
                    // Ink on surface (inverted in dark mode) reads at any size; the dot carries the red.
                    <span
                      className="mr-1.5 inline-flex items-center gap-1 rounded bg-ink px-1.5 py-0.5 text-[11px] font-semibold text-surface"
                      data-testid="break-glass-badge"
                    >
                      <span className="inline-block size-1.5 rounded-full bg-critical" aria-hidden />
                      BREAK-GLASS
                    </span>
                  ) : null}
                  {entry.actorLabel}
                </td>
                <td className="py-1.5 pr-3">
                  {entry.action}
                  {entry.targetLabel ? (
                    <>
                      {' · '}
                      <span
                        className="font-medium"
                        title={`Link id ${entry.target}`}
                        data-testid="audit-target"
                      >
                        {entry.targetLabel}
                      </span>
                    </>
                  ) : null}
                </td>
                <td className="py-1.5 pr-3">
                  {/* A red dot, not red text: small red text on white fails contrast. */}
                  {entry.result === 'ok' ? null : (
                    <span className="mr-1.5 inline-block size-2 rounded-full bg-critical" aria-hidden />
                  )}
                  {entry.result}
                </td>
                <td className="py-1.5 text-muted">{entry.ip ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
