'use client';

import { secondaryButtonClass } from '@/components/settings/section';
import type { SessionListEntry } from '@/lib/domain/admin';
import { formatDistanceToNowStrict } from 'date-fns';
import { useState } from 'react';

const METHOD = {
  password: 'Password',
  oidc: 'Single sign-on',
  'break-glass': 'Break-glass password',
} as const;

/** A short name for a browser, from its user agent: enough to tell a laptop from a phone. */
function browserOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'Browser';
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : '';
  return system ? `${browser} on ${system}` : browser;
}

/**
 * Open sessions with "Sign out" for each. `showPerson`: the admin's list of everyone's sessions;
 * without it, one's own. `endPath` is where a session is ended (DELETE `${endPath}/<id>`).
 */
export function SessionList({
  sessions,
  showPerson,
  endPath,
  onEnded,
}: {
  sessions: SessionListEntry[];
  showPerson: boolean;
  endPath: string;
  onEnded: () => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function end(id: string) {
    setBusy(id);
    setError(null);
    const response = await fetch(`${endPath}/${encodeURIComponent(id)}`, { method: 'DELETE' }).catch(
      () => null,
    );
    setBusy(null);
    if (!response?.ok) setError('Levelboard could not end that session. Try again.');
    onEnded();
  }

  if (sessions.length === 0) return <p className="text-sm text-muted">No open sessions.</p>;
  return (
    <div className="space-y-2">
      {error ? (
        <p role="alert" className="text-sm text-critical">
          {error}
        </p>
      ) : null}
      <ul className="divide-y divide-line" data-testid="session-list">
        {sessions.map((session) => (
          <li
            key={session.id}
            className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm"
            data-testid="session-row"
          >
            {showPerson ? (
              <span className="min-w-40 font-medium">{session.person?.name ?? 'Unknown'}</span>
            ) : null}
            <span>
              {browserOf(session.userAgent)}
              {session.current ? (
                <span className="ml-2 rounded bg-sunken px-1.5 py-0.5 text-xs text-muted">This browser</span>
              ) : null}
            </span>
            <span className="text-muted">{METHOD[session.method]}</span>
            <span className="text-muted tabular-nums">{session.ip ?? ''}</span>
            <span className="text-muted" title={session.lastSeenAt}>
              active {formatDistanceToNowStrict(new Date(session.lastSeenAt), { addSuffix: true })}
            </span>
            {session.current ? null : (
              <button
                type="button"
                className={`${secondaryButtonClass} ml-auto py-1`}
                disabled={busy === session.id}
                onClick={() => void end(session.id)}
                data-testid="end-session"
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
