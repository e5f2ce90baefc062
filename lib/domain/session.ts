// Who a session is. The words: a "wall" is a share link of kind `wall` and the page it opens; a
// "screen" is one browser showing a wall (its heartbeats, lib/screens). A wall link's session has
// the role `kiosk`: that value is part of /api/auth/session's answer, so it stays.

export type SessionRole = 'admin' | 'viewer' | 'kiosk';
