'use client';

import { buttonClass } from '@/components/settings/section';
import { Check, Copy } from 'lucide-react';
import { useRef, useState, type ReactNode } from 'react';

export type CopyState = 'idle' | 'copied' | 'selected';

/** Copies with the Clipboard API, or (plain http, where it does not exist) selects the text instead. */
export async function copyText(text: string, input: HTMLInputElement | null): Promise<CopyState> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return 'copied';
    }
  } catch {
    // Denied or unavailable: fall through to selecting the text.
  }
  if (!input) return 'idle';
  input.focus();
  input.select();
  // execCommand is deprecated but is the only copy path over plain http; the selection stays either way.
  return document.execCommand?.('copy') ? 'copied' : 'selected';
}

/**
 * A secret URL shown once, with a copy button. `hint` says what happens next for each copy state
 * (nothing shown when it returns null).
 */
export function CopyField({
  url,
  label,
  testId,
  buttonTestId,
  stateTestId,
  hint,
}: {
  url: string;
  label: string;
  testId: string;
  buttonTestId?: string;
  stateTestId?: string;
  hint: (copy: CopyState) => ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const said = hint(copy);
  return (
    <>
      <div className="mt-2 flex gap-2">
        <input
          ref={input}
          readOnly
          value={url}
          aria-label={label}
          className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 font-mono text-xs"
          data-testid={testId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button
          type="button"
          className={`${buttonClass} inline-flex shrink-0 items-center gap-1.5`}
          data-testid={buttonTestId}
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
      {said === null ? null : (
        <p className="mt-2 text-xs text-muted" aria-live="polite" data-testid={stateTestId}>
          {said}
        </p>
      )}
    </>
  );
}
