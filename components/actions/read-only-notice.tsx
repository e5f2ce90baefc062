'use client';

import { useAdminActions } from '@/components/actions/admin-context';
import { Lock } from 'lucide-react';

/** Says once, where the actions are, why they are switched off. */
export function ReadOnlyNotice() {
  const actions = useAdminActions();
  if (!actions.visible || !actions.reason) return null;
  return (
    <p
      role="note"
      className="flex items-start gap-2 rounded-lg border border-warning/60 bg-warning/10 p-3 text-sm"
      data-testid="read-only-notice"
    >
      <Lock className="mt-0.5 size-4 shrink-0 text-muted" aria-hidden />
      <span>{actions.reason}</span>
    </p>
  );
}
