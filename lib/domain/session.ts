// Who a session is. The words: a "wall" is a share link of kind `wall` and the page it opens; a
// "screen" is one browser showing a wall (its heartbeats, lib/screens). A wall link's session has
// the role `kiosk`: that value is part of /api/auth/session's answer, so it stays. People signed in
// are `admin`, `technician` or `viewer`; a viewer share link is `viewer` too, told apart by `via`.

export type SessionRole = 'admin' | 'technician' | 'viewer' | 'kiosk';

/** What the browser knows of its own session; the server checks every call again. */
export interface SessionIdentity {
  role: SessionRole;
  via: 'person' | 'link';
  /** A person's name (null for a link). */
  name: string | null;
  /** The ADMIN_PASSWORD sign-in: no account page of its own. */
  breakGlass: boolean;
}

/** What each role may be shown: controls the server would refuse are never drawn. */
export const mayAct = (identity: SessionIdentity) =>
  identity.via === 'person' && (identity.role === 'admin' || identity.role === 'technician');
export const mayAdminister = (identity: SessionIdentity) =>
  identity.via === 'person' && identity.role === 'admin';
