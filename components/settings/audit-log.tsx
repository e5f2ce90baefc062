'use client';

import { Section } from '@/components/settings/section';
import { auditQuery } from '@/lib/query/admin';
import { useQuery } from '@tanstack/react-query';
import { format } from 'date-fns';

export function AuditLog() {
  const audit = useQuery(auditQuery());
  return (
    <Section
      id="audit-heading"
      title="Audit log"
      description="Sign-ins, share links, settings and admin actions — newest first."
    >
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
