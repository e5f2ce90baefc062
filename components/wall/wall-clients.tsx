'use client';

import { WallAge } from '@/components/wall/wall-age';
import { WallClientTile } from '@/components/wall/wall-client-tile';
import { clientHealth, clientsByHealth } from '@/lib/domain/client-health';
import type { ClientSummary } from '@/lib/domain/fleet';
import { formatCount } from '@/lib/format';
import { useElementSize } from '@/lib/hooks/use-element-size';
import { balancedRows, foldTiles, gridShape, tileCapacity } from '@/lib/wall/grid';
import { useRef } from 'react';

const bandCount = (clients: readonly ClientSummary[], band: 'red' | 'amber') =>
  clients.filter((client) => clientHealth(client.rollup).band === band).length;

/** The clients past the grid's limit: healthy ones, unless more than a screenful need attention. */
function FoldedTile({ clients }: { clients: ClientSummary[] }) {
  const red = bandCount(clients, 'red');
  const amber = bandCount(clients, 'amber');
  const words = [
    red ? `${formatCount(red)} need attention` : null,
    amber ? `${formatCount(amber)} to watch` : null,
  ];
  const said = words.filter(Boolean).join(' · ');
  return (
    <li
      className="[container-type:size] min-h-0 min-w-0 flex-1 rounded-[1rem] border-[0.15rem] border-dashed border-line"
      data-testid="wall-client-folded"
      data-red={red}
      data-amber={amber}
    >
      <div className="flex h-full flex-col justify-center px-[6cqw]">
        <p
          className="text-[clamp(1.75rem,min(18cqh,8cqw),3.5rem)] leading-[1.2] font-semibold"
          data-wall-text="name"
        >
          + {formatCount(clients.length)} more
        </p>
        <p
          className="text-[clamp(1.25rem,min(12cqh,6cqw),2rem)] leading-[1.2] text-muted"
          data-wall-text="detail"
        >
          {said || 'all healthy'}
        </p>
      </div>
    </li>
  );
}

function intoRows<T>(items: readonly T[], lengths: readonly number[]): T[][] {
  let at = 0;
  return lengths.map((length) => items.slice(at, (at += length)));
}

/** Every client as a tile, worst first, laid out to fill the screen whatever their number. */
export function WallClients({
  clients,
  syncedAt,
  newClientIds,
  old,
}: {
  clients: ClientSummary[];
  syncedAt: string | null;
  newClientIds: ReadonlySet<string>;
  old: boolean;
}) {
  const area = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(area);
  // The wall's rem (lib/wall scaling): tiles never get smaller than their type needs.
  const rem =
    typeof document === 'undefined'
      ? 16
      : parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const { shown, folded } = foldTiles(clientsByHealth(clients), tileCapacity(width / rem, height / rem));
  const red = bandCount(clients, 'red');
  const amber = bandCount(clients, 'amber');
  const tiles = [
    ...shown.map((client) => (
      <WallClientTile key={client.id} client={client} isNew={newClientIds.has(client.id)} />
    )),
    ...(folded.length ? [<FoldedTile key="folded" clients={folded} />] : []),
  ];
  const { columns } = gridShape(tiles.length, width, height);
  return (
    <section
      className="flex h-full flex-col gap-[1rem]"
      aria-label="Client health"
      data-testid="wall-clients"
    >
      <div className="flex items-baseline justify-between text-[1.5rem] text-muted">
        <span data-testid="wall-clients-count" data-red={red} data-amber={amber}>
          {formatCount(clients.length)} client{clients.length === 1 ? '' : 's'}
          {red ? ` · ${formatCount(red)} need${red === 1 ? 's' : ''} attention` : ''}
          {amber ? ` · ${formatCount(amber)} to watch` : ''} · worst first
        </span>
        <WallAge syncedAt={syncedAt} old={old} testId="wall-age-clients" />
      </div>
      <div ref={area} className="flex min-h-0 flex-1">
        {clients.length === 0 ? (
          <p className="m-auto text-[3rem] text-muted">No clients in this wall’s scope.</p>
        ) : (
          // Rows of flexible tiles, as even as possible: no hole at the end of the last row.
          <div className="flex min-h-0 flex-1 flex-col gap-[1rem]" data-columns={columns}>
            {intoRows(tiles, balancedRows(tiles.length, columns)).map((row, index) => (
              <ul key={index} className="flex min-h-0 flex-1 gap-[1rem]">
                {row}
              </ul>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
