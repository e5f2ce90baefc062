'use client';

import type { WallIdentity } from '@/lib/domain/wall';
import type { WallConfig } from '@/lib/wall/config';
import dynamic from 'next/dynamic';

// The wall depends on the browser throughout (storage, clock, screen size, audio), so it renders
// in the browser only; the server sends this splash in the meantime.
const WallApp = dynamic(() => import('@/app/(wall)/wall/client').then((m) => m.WallApp), {
  ssr: false,
  loading: () => (
    <div data-wall-root className="fixed inset-0 flex items-center justify-center bg-surface">
      <p className="text-[3rem] text-muted">Levelboard wall starting…</p>
    </div>
  ),
});

export function WallLoader(props: { identity: WallIdentity; config: WallConfig; ignored: string[] }) {
  return <WallApp {...props} />;
}
