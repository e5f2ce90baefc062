// Acknowledgements (issue 16): an admin says "someone is on it", with an optional note. They are
// Levelboard's own (Level's API can only resolve) and belong to one occurrence of a problem: the
// key of an offline device carries the time it went offline, an alert's key is its id (Level
// gives a recurring alert a new id), so a problem that resolves and returns is a new problem and
// is not acknowledged. Old rows are inert by construction; the leader prunes them.

export const ACK_NOTE_MAX = 280;

/** What a read route carries per row: null when not acknowledged. */
export interface Acknowledgement {
  note: string | null;
  /** ISO time of the acknowledgement. */
  at: string;
}

export const alertProblemKey = (alertId: string) => `alert:${alertId}`;
/** `since` = Level's last-seen time of the offline device (the start of this outage). */
export const offlineProblemKey = (deviceId: string, since: string | null) =>
  `offline:${deviceId}@${since ?? 'never'}`;

/**
 * A row with several reasons (an offline server with alerts) is acknowledged when every reason
 * is: then the newest acknowledgement speaks for it. One unacknowledged reason leaves it open.
 */
export function acknowledgedTogether(
  reasons: readonly (Acknowledgement | null | undefined)[],
): Acknowledgement | null {
  let newest: Acknowledgement | null = null;
  for (const ack of reasons) {
    if (!ack) return null;
    if (!newest || ack.at > newest.at) newest = ack;
  }
  return newest;
}

/** Looks up the acknowledgement of a problem key; the routes get one from the live copy. */
export type AcknowledgementOf = (key: string) => Acknowledgement | null;
export const noAcknowledgements: AcknowledgementOf = () => null;

/** What the admin routes accept: one problem, by alert or by offline server/DC. */
export type ProblemRef = { kind: 'alert'; alertId: string } | { kind: 'offline'; deviceId: string };

/** The admin routes' answer: per problem, its key and acknowledgement (null once removed). */
export interface AcknowledgeAnswer {
  problems: { key: string; acknowledged: Acknowledgement | null }[];
}
