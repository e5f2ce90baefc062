import { WallLoader } from '@/app/(wall)/wall/wall-loader';
import { requireWall } from '@/lib/auth/page-access';
import { wallIdentity } from '@/lib/auth/wall-identity';
import { scriptNonce } from '@/lib/script-nonce';
import { resolveWallConfig } from '@/lib/wall/config';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Wall' };
export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The wall's theme before first paint, whatever the dashboard theme saved in this browser is. */
const themeScript = (theme: 'dark' | 'light') =>
  `document.documentElement.classList.toggle('dark',${theme === 'dark'});`;

// NOC mode: a wall link's session (or the admin's), no dashboard chrome. The link's settings and
// the URL's parameters become the screen's configuration here, on the server.
export default async function WallPage({ searchParams }: { searchParams: SearchParams }) {
  const access = await requireWall();
  const identity = await wallIdentity(access);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const item of Array.isArray(value) ? value : [value ?? '']) params.append(key, item);
  }
  const { config, ignored } = resolveWallConfig(identity.settings, params);
  const nonce = await scriptNonce();
  return (
    <>
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript(config.theme) }} />
      <WallLoader identity={identity} config={config} ignored={ignored} />
    </>
  );
}
