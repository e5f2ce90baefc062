'use client';

import { copyText, type CopyState } from '@/components/settings/new-link-notice';
import { buttonClass } from '@/components/settings/section';
import { Check, Copy } from 'lucide-react';
import { useRef, useState } from 'react';

/** An invite or reset link, shown once: only its hash is kept on the server. */
export function OneTimeLink({ path, label }: { path: string; label: string }) {
  const url = `${window.location.origin}${path}`;
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  return (
    <div
      role="status"
      className="rounded-md border border-online/50 bg-online/10 p-3 text-sm"
      data-testid="one-time-link"
    >
      <p className="font-medium">{label} Copy it now — it is shown only once:</p>
      <div className="mt-2 flex gap-2">
        <input
          ref={input}
          readOnly
          value={url}
          aria-label="One-time link"
          className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 font-mono text-xs"
          data-testid="one-time-link-url"
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className={`${buttonClass} inline-flex shrink-0 items-center gap-1.5`}
          onClick={async () => setCopy(await copyText(url, input.current))}
        >
          {copy === 'copied' ? (
            <Check className="size-4" aria-hidden />
          ) : (
            <Copy className="size-4" aria-hidden />
          )}
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {copy === 'selected' ? (
        <p className="mt-2 text-xs text-muted" aria-live="polite">
          Selected — press Ctrl+C (⌘C on a Mac) to copy.
        </p>
      ) : null}
    </div>
  );
}
