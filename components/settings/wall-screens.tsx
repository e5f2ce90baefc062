'use client';

import { Section, secondaryButtonClass } from '@/components/settings/section';
import type { WallLinkState, WallScreenView } from '@/lib/domain/wall';
import { sendJson, wallScreensQuery } from '@/lib/query/admin';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import clsx from 'clsx';
import { format, formatDistanceToNowStrict } from 'date-fns';

const LINK_STATE: Record<WallLinkState, string> = {
  active: '',
  admin: 'admin session',
  revoked: 'link revoked',
  expired: 'link expired',
  deleted: 'link deleted',
};

function screenLabel(wall: WallScreenView): string {
  return wall.name ?? `screen ${wall.screenId.slice(0, 8)}`;
}

function contact(wall: WallScreenView): string {
  const ago = formatDistanceToNowStrict(new Date(wall.lastSeenAt), { addSuffix: true });
  return wall.silent ? `silent — last heard ${ago}` : `heard ${ago}`;
}

/** Every wall screen that has reported in: last contact, what it shows, and which ones went quiet. */
export function WallScreens() {
  const queryClient = useQueryClient();
  const walls = useQuery(wallScreensQuery());
  const forget = useMutation({
    mutationFn: (id: string) => sendJson(`/api/admin/walls/${encodeURIComponent(id)}`, 'DELETE'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.wallScreens() }),
  });
  const list = walls.data?.walls ?? [];
  const silent = list.filter((wall) => wall.silent).length;
  return (
    <Section
      id="walls-heading"
      title="Wall screens"
      description="Screens running /wall report every minute. One that has not been heard from for several minutes is flagged as silent."
    >
      <p className="mb-3 text-sm">
        {/* A plain link: the wall is its own full-screen page, not part of the dashboard. */}
        <a href="/wall" className="font-medium text-accent underline underline-offset-2">
          Preview the wall
        </a>{' '}
        <span className="text-muted">with your admin session (for a real screen, create a wall link).</span>
      </p>
      {silent ? (
        <p role="status" className="mb-3 text-sm font-medium text-critical" data-testid="walls-silent-count">
          {silent} wall{silent === 1 ? '' : 's'} silent
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-muted uppercase">
            <tr>
              <th className="py-2 pr-3">Screen</th>
              <th className="py-2 pr-3">Link</th>
              <th className="py-2 pr-3">Last contact</th>
              <th className="py-2 pr-3">Showing</th>
              <th className="py-2 pr-3">Screen size</th>
              <th className="py-2 pr-3">Build</th>
              <th className="py-2 pr-3">Last reload</th>
              <th className="py-2 pr-3">Address</th>
              <th className="py-2" />
            </tr>
          </thead>
          <tbody>
            {list.map((wall) => (
              <tr
                key={wall.id}
                className="border-t border-line"
                data-testid="wall-screen-row"
                data-screen-id={wall.screenId}
                data-silent={wall.silent}
              >
                <td className="py-2 pr-3 font-medium">{screenLabel(wall)}</td>
                <td className="py-2 pr-3">
                  {wall.linkName ?? '—'}
                  {LINK_STATE[wall.linkState] ? (
                    <span className="text-muted"> ({LINK_STATE[wall.linkState]})</span>
                  ) : null}
                </td>
                <td
                  className={clsx('py-2 pr-3', wall.silent && 'font-medium text-critical')}
                  title={format(new Date(wall.lastSeenAt), 'yyyy-MM-dd HH:mm:ss')}
                >
                  {contact(wall)}
                </td>
                <td className="py-2 pr-3">{wall.view ?? '—'}</td>
                <td className="py-2 pr-3 tabular-nums">{wall.viewport ?? '—'}</td>
                <td className={clsx('py-2 pr-3', wall.outdated && 'text-warning')}>
                  {wall.outdated ? 'older build' : 'current'}
                </td>
                <td className="py-2 pr-3">{wall.lastReload ?? '—'}</td>
                <td className="py-2 pr-3 text-muted">{wall.ip ?? ''}</td>
                <td className="py-2 text-right">
                  <button
                    type="button"
                    className={secondaryButtonClass}
                    onClick={() => forget.mutate(wall.id)}
                    aria-label={`Forget ${screenLabel(wall)}`}
                  >
                    Forget
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {walls.data && list.length === 0 ? (
          <p className="py-3 text-sm text-muted">
            No wall has reported in yet. Create a share link of kind “Wall” and open it on the screen.
          </p>
        ) : null}
      </div>
    </Section>
  );
}
