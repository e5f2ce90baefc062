'use client';

import { WallSettingsFields, wallSettingsFrom } from '@/components/settings/wall-settings-fields';
import { Button } from '@/components/ui/button';
import { Dialog, primaryButtonClass } from '@/components/ui/dialog';
import type { ShareLinkView } from '@/lib/domain/admin';
import { sendJson } from '@/lib/query/admin';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Loader2 } from 'lucide-react';

/** Changes a wall link's screen settings after creation; screens pick them up when they next load. */
export function EditWallLinkDialog({ link, onClose }: { link: ShareLinkView | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (input: { id: string; wall: unknown }) =>
      sendJson(`/api/admin/share-links/${encodeURIComponent(input.id)}`, 'PATCH', { wall: input.wall }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin() });
      onClose();
    },
  });
  return (
    <Dialog
      open={link !== null}
      onClose={() => {
        save.reset();
        onClose();
      }}
      title={link ? `Wall settings of “${link.name}”` : 'Wall settings'}
      testId="edit-wall-link-dialog"
    >
      {link ? (
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            const form = wallSettingsFrom(new FormData(event.currentTarget));
            // Settings this form does not show (set through the API) are kept as they were.
            save.mutate({ id: link.id, wall: { ...link.wall, ...form } });
          }}
        >
          <WallSettingsFields initial={link.wall ?? {}} compact />
          <p className="text-sm text-muted">
            Screens using this link show the new settings the next time they load the wall (at the latest they
            reload themselves at least once a day).
          </p>
          {save.error ? (
            <p role="alert" className="text-sm text-critical">
              {save.error.message}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <button type="submit" className={primaryButtonClass} disabled={save.isPending}>
              {save.isPending ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
              Save settings
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  );
}
