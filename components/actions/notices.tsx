'use client';

import clsx from 'clsx';
import { CheckCircle2, TriangleAlert, X } from 'lucide-react';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Notice {
  id: number;
  kind: 'ok' | 'error';
  text: string;
}

const NoticeContext = createContext<(notice: Omit<Notice, 'id'>) => void>(() => {});
const OK_VISIBLE_MS = 6_000;

/** Results of admin actions: successes fade after a few seconds, failures stay until dismissed. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const push = useCallback(
    (notice: Omit<Notice, 'id'>) => {
      const id = Date.now() + Math.random();
      setNotices((all) => [...all.slice(-3), { ...notice, id }]);
      if (notice.kind === 'ok') setTimeout(() => dismiss(id), OK_VISIBLE_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => push, [push]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div
        className="pointer-events-none fixed inset-x-0 bottom-20 z-50 flex flex-col items-center gap-2 px-4 md:right-4 md:bottom-4 md:left-auto md:items-end"
        data-testid="notices"
      >
        {notices.map((notice) => (
          <div
            key={notice.id}
            role={notice.kind === 'error' ? 'alert' : 'status'}
            className={clsx(
              'pointer-events-auto flex max-w-md items-start gap-2 rounded-lg border bg-raised p-3 text-sm shadow-lg',
              notice.kind === 'error' ? 'border-critical/60' : 'border-online/60',
            )}
            data-testid={notice.kind === 'error' ? 'notice-error' : 'notice-ok'}
          >
            {notice.kind === 'error' ? (
              <TriangleAlert className="mt-0.5 size-4 shrink-0 text-critical" aria-hidden />
            ) : (
              <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-online" aria-hidden />
            )}
            <p className="min-w-0 flex-1">{notice.text}</p>
            <button
              type="button"
              onClick={() => dismiss(notice.id)}
              aria-label="Dismiss"
              className="rounded p-0.5 text-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
            >
              <X className="size-4" aria-hidden />
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export const useNotify = () => useContext(NoticeContext);
