import { audit } from '@/lib/auth/audit';
import { newSessionId, sessionCookie } from '@/lib/auth/session';
import { findByToken, isUsable, recordUse, type ShareLink } from '@/lib/auth/share-links';
import { getStore } from '@/lib/db/instance';
import 'server-only';

/** Where `/s/<token>` sends a report link's session (its page reads lib/reports/report-link.ts). */
export const REPORT_LINK_PAGE = '/report-link';

/** Where each kind of link's session starts. */
const LANDING: Record<ShareLink['kind'], string> = { viewer: '/', wall: '/wall', report: REPORT_LINK_PAGE };

/**
 * `/s/<token>`: a valid, unexpired, unrevoked link becomes a session cookie and a redirect
 * (so the token leaves the address bar and history). Anything else is a plain 404.
 */
export async function exchangeShareToken(
  token: string,
  ip: string,
): Promise<{ cookie: string; location: string } | null> {
  const store = await getStore();
  const link = await findByToken(store, token);
  if (!link || !isUsable(link)) return null;
  await recordUse(store, link.id);
  await audit(store, {
    actor: `link:${link.id}`,
    action: 'share_link.use',
    target: link.id,
    result: 'ok',
    ip,
  });
  return {
    cookie: await sessionCookie({ role: 'link', linkId: link.id, issuedAt: Date.now(), sid: newSessionId() }),
    location: LANDING[link.kind],
  };
}

/** Whether `/s/<token>` would open, without using it (for the admin's confirmation page). */
export async function isOpenableToken(token: string): Promise<boolean> {
  const link = await findByToken(await getStore(), token);
  return Boolean(link && isUsable(link));
}
