'use client';

import { PostureLines } from '@/components/posture/posture-lines';
import { patchTone, securityTone, TONE_RANK } from '@/components/posture/posture-tone';
import { Button } from '@/components/ui/button';
import type { PostureSummaryResponse } from '@/lib/domain/posture';
import Link from 'next/link';
import { useState } from 'react';

const FIRST = 9;

type Client = PostureSummaryResponse['clients'][number];

const concern = (c: Client) =>
  Math.min(TONE_RANK[patchTone(c.figures)], TONE_RANK[securityTone(c.figures)]) * 2 +
  Math.max(TONE_RANK[patchTone(c.figures)], TONE_RANK[securityTone(c.figures)]) / 10;

/** Per-client patch and security tiles, the ones needing attention first; each opens the client. */
export function PostureClientGrid({ summary }: { summary: PostureSummaryResponse }) {
  const [all, setAll] = useState(false);
  const ordered = [...summary.clients]
    .filter((c) => c.figures.devices > 0)
    .sort((a, b) => concern(a) - concern(b) || a.name.localeCompare(b.name));
  const shown = all ? ordered : ordered.slice(0, FIRST);
  return (
    <div className="space-y-3">
      {summary.updates === 'not-available' ? (
        <p className="text-xs text-muted" data-testid="updates-not-available">
          Level does not give this API key patch data (its plan may not include it); patch figures stay
          unknown.
        </p>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="posture-grid">
        {shown.map((client) => (
          <li key={client.id}>
            <Link
              href={`/groups/${encodeURIComponent(client.id)}#posture`}
              className="block h-full rounded-xl border border-line bg-raised p-3 shadow-sm hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
              data-testid="posture-tile"
              data-client-id={client.id}
            >
              <p className="mb-2 truncate font-medium">{client.name}</p>
              <PostureLines figures={client.figures} />
            </Link>
          </li>
        ))}
      </ul>
      {ordered.length > FIRST ? (
        <Button onClick={() => setAll((value) => !value)}>
          {all ? 'Show fewer' : `Show all ${ordered.length} clients`}
        </Button>
      ) : null}
    </div>
  );
}
