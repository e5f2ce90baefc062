'use client';

import { CopyField } from '@/components/ui/copy-field';
import { useEffect, useState } from 'react';

/**
 * The link, shown once after creation: a copy button and a QR code for a phone or a wall screen.
 * The QR code is drawn here in the browser; the token goes nowhere else.
 */
export function NewLinkNotice({ url, name }: { url: string; name: string }) {
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
        <CopyField
          url={url}
          label={`Link for ${name}`}
          testId="new-link-url"
          buttonTestId="copy-link"
          stateTestId="copy-state"
          hint={(copy) =>
            copy === 'copied'
              ? 'Copied to the clipboard.'
              : copy === 'selected'
                ? 'Selected — press Ctrl+C (⌘C on a Mac) to copy.'
                : 'Or scan the code with the phone or screen that will use it.'
          }
        />
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
