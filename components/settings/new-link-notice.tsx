'use client';

import { buttonClass } from '@/components/settings/section';
import { Check, Copy } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';

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
 * The link, shown once after creation: a copy button and a QR code for a phone or a wall screen.
 * The QR code is drawn here in the browser; the token goes nowhere else.
 */
export function NewLinkNotice({ url, name }: { url: string; name: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [qr, setQr] = useState<{ url: string; src: string } | null>(null);

  useEffect(() => {
    let live = true;
    void import('qrcode').then(async (QRCode) => {
      const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
      if (live) setQr({ url, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
    });
    return () => {
      live = false;
    };
  }, [url]);

  return (
    <div
      role="status"
      className="mt-4 flex flex-col gap-4 rounded-md border border-online/50 bg-online/10 p-3 text-sm sm:flex-row"
      data-testid="new-link"
    >
      <div className="min-w-0 flex-1">
        <p className="font-medium">Link “{name}” created. Copy it now — it is shown only once:</p>
        <div className="mt-2 flex gap-2">
          <input
            ref={input}
            readOnly
            value={url}
            aria-label={`Link for ${name}`}
            className="min-w-0 flex-1 rounded border border-line bg-surface px-2 py-1 font-mono text-xs"
            data-testid="new-link-url"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button
            type="button"
            className={`${buttonClass} inline-flex shrink-0 items-center gap-1.5`}
            data-testid="copy-link"
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
        <p className="mt-2 text-xs text-muted" aria-live="polite" data-testid="copy-state">
          {copy === 'copied'
            ? 'Copied to the clipboard.'
            : copy === 'selected'
              ? 'Selected — press Ctrl+C (⌘C on a Mac) to copy.'
              : 'Or scan the code with the phone or screen that will use it.'}
        </p>
      </div>
      {qr && qr.url === url ? (
        // A data URL made in this browser: nothing is fetched, so the token is never sent anywhere.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={qr.src}
          alt={`QR code of the link for ${name}`}
          width={144}
          height={144}
          className="size-36 shrink-0 self-center rounded bg-white"
          data-testid="new-link-qr"
        />
      ) : (
        <div className="size-36 shrink-0 animate-pulse self-center rounded bg-sunken" aria-hidden />
      )}
    </div>
  );
}
