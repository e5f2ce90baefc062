'use client';

import { CopyField } from '@/components/ui/copy-field';

/** An invite or reset link, shown once: only its hash is kept on the server. */
export function OneTimeLink({ path, label }: { path: string; label: string }) {
  return (
    <div
      role="status"
      className="rounded-md border border-online/50 bg-online/10 p-3 text-sm"
      data-testid="one-time-link"
    >
      <p className="font-medium">{label} Copy it now — it is shown only once:</p>
      <CopyField
        url={`${window.location.origin}${path}`}
        label="One-time link"
        testId="one-time-link-url"
        hint={(copy) => (copy === 'selected' ? 'Selected — press Ctrl+C (⌘C on a Mac) to copy.' : null)}
      />
    </div>
  );
}
