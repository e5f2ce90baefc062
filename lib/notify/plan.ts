import type { MessageKind, SignalDetail } from '@/lib/domain/notifications';
import { ruleWatches } from '@/lib/notify/rule-match';
import type { Rule } from '@/lib/notify/rule-store';
import { mayNotify } from '@/lib/notify/schedule';
import { detailJsonOf, type Signal } from '@/lib/notify/signals';

// The rule engine's decisions, as a pure function of the rules, the signals true now, the incidents
// remembered so far and the time: easy to test at any instant, and the same after a restart.
//
// An incident is one rule watching one signal. Its life:
// - seen: a row with `since` (when the condition began) and `detectedAt` (when Levelboard saw it).
//   A condition that began before the rule was last saved (by more than a minute) is a *baseline*: remembered as
//   `notifiedAt = 0` and never announced (a new or edited rule speaks about what starts after it).
// - due: once it has been true for the rule's delay. Due incidents wait `groupSeconds` from the
//   first of them becoming due (or being seen, if later), then go out together in one message.
//   Outside business hours or inside quiet hours they wait; what is still true goes out when the
//   window opens, what ended meanwhile is forgotten.
// - acknowledged before its first message: silenced (someone is on it); never repeated either.
// - repeated every `repeatMinutes` while open and not acknowledged.
// - ended: a recovery message if it was announced and the rule wants recoveries (grouped the same
//   way); a condition that comes back before its recovery went out simply stays open (a flap).

/**
 * A condition counts as older than the rule only if it began this long before the rule was saved:
 * Level's times have whole seconds and its clock is not ours, so one that began "as the rule was
 * saved" is announced rather than lost.
 */
export const BASELINE_GRACE_MS = 60_000;

/** notifiedAt of an incident that will never be announced (baseline, or acknowledged first). */
export const SILENCED = 0;

export interface Incident {
  id: string;
  ruleId: string;
  signalKey: string;
  kind: string;
  since: number;
  detectedAt: number;
  notifiedAt: number | null;
  lastSentAt: number | null;
  resolvedAt: number | null;
  detail: SignalDetail;
  /** `detail` as stored: compared as text, so an unchanged condition costs no parse or stringify. */
  detailJson: string;
}

export interface Batch {
  rule: Rule;
  kind: Exclude<MessageKind, 'test'>;
  incidents: Incident[];
}

export interface Plan {
  /** New rows, and rows whose fields changed (before the batches' marks are applied). */
  upserts: Incident[];
  deletes: string[];
  batches: Batch[];
}

export interface PlanInput {
  rules: readonly Rule[];
  signals: readonly Signal[];
  incidents: readonly Incident[];
  now: number;
  /** False before the first fleet snapshot: client conditions are unknown then, not ended. */
  fleetKnown: boolean;
}

const incidentId = (ruleId: string, key: string) => `${ruleId}|${key}`;
const CLIENT_KINDS = new Set(['alert', 'device_offline', 'site_down', 'client_health']);

export function planNotifications({ rules, signals, incidents, now, fleetKnown }: PlanInput): Plan {
  const plan: Plan = { upserts: [], deletes: [], batches: [] };
  const enabled = new Map(rules.filter((rule) => rule.definition.enabled).map((rule) => [rule.id, rule]));
  const byRule = new Map<string, Incident[]>();
  for (const incident of incidents) {
    if (!enabled.has(incident.ruleId)) plan.deletes.push(incident.id);
    else byRule.set(incident.ruleId, [...(byRule.get(incident.ruleId) ?? []), incident]);
  }
  for (const rule of enabled.values())
    planRule(rule, signals, byRule.get(rule.id) ?? [], now, fleetKnown, plan);
  return plan;
}

function planRule(
  rule: Rule,
  signals: readonly Signal[],
  known: Incident[],
  now: number,
  fleetKnown: boolean,
  plan: Plan,
): void {
  const definition = rule.definition;
  const watched = new Map(signals.filter((signal) => ruleWatches(definition, signal)).map((s) => [s.key, s]));
  const rows = new Map(known.map((incident) => [incident.signalKey, { ...incident }]));
  const changed = new Set<Incident>();

  for (const signal of watched.values()) {
    const row = rows.get(signal.key);
    if (!row) {
      const since = signal.since ?? now;
      const incident: Incident = {
        id: incidentId(rule.id, signal.key),
        ruleId: rule.id,
        signalKey: signal.key,
        kind: signal.detail.kind,
        since,
        detectedAt: now,
        notifiedAt: since < rule.updatedAt - BASELINE_GRACE_MS ? SILENCED : null,
        lastSentAt: null,
        resolvedAt: null,
        detail: signal.detail,
        detailJson: detailJsonOf(signal),
      };
      rows.set(signal.key, incident);
      changed.add(incident);
      continue;
    }
    if (row.resolvedAt !== null) {
      row.resolvedAt = null; // back before its recovery went out: it never really ended
      changed.add(row);
    }
    if (row.detailJson !== detailJsonOf(signal)) {
      row.detail = signal.detail;
      row.detailJson = detailJsonOf(signal);
      changed.add(row);
    }
  }

  for (const row of rows.values()) {
    if (watched.has(row.signalKey) || row.resolvedAt !== null) continue;
    if (!fleetKnown && CLIENT_KINDS.has(row.kind)) continue;
    if (row.notifiedAt !== null && row.notifiedAt !== SILENCED && definition.recovery) {
      row.resolvedAt = now;
      changed.add(row);
    } else {
      rows.delete(row.signalKey);
      changed.delete(row);
      plan.deletes.push(row.id);
    }
  }

  const open = [...rows.values()].filter((row) => row.resolvedAt === null);
  const delayMs = definition.delayMinutes * 60_000;
  const groupMs = definition.groupSeconds * 1_000;
  const may = mayNotify(definition, now);

  // A site already announced speaks for its devices: they join it silently (its recovery covers them).
  const announcedSites = new Set(
    open
      .filter((row) => row.kind === 'site_down' && row.notifiedAt !== null)
      .flatMap((row) => row.detail.members ?? []),
  );
  const due: Incident[] = [];
  for (const row of open) {
    if (row.notifiedAt !== null) continue;
    const joinsSite = row.kind === 'device_offline' && announcedSites.has(row.detail.deviceId ?? '');
    if (joinsSite || watched.get(row.signalKey)?.acknowledged) {
      row.notifiedAt = SILENCED;
      changed.add(row);
    } else if (row.since + delayMs <= now) due.push(row);
  }
  const readyAt = (row: Incident) => Math.max(row.since + delayMs, row.detectedAt) + groupMs;
  if (may && due.length > 0 && now >= Math.min(...due.map(readyAt))) {
    plan.batches.push({ rule, kind: 'trigger', incidents: due });
  }

  if (definition.repeatMinutes > 0 && may) {
    const repeatMs = definition.repeatMinutes * 60_000;
    const repeats = open.filter(
      (row) =>
        row.notifiedAt !== null &&
        row.notifiedAt !== SILENCED &&
        row.lastSentAt !== null &&
        row.lastSentAt + repeatMs <= now &&
        !watched.get(row.signalKey)?.acknowledged,
    );
    if (repeats.length > 0) plan.batches.push({ rule, kind: 'repeat', incidents: repeats });
  }

  const ended = [...rows.values()].filter((row) => row.resolvedAt !== null);
  if (!definition.recovery) {
    for (const row of ended) {
      plan.deletes.push(row.id);
      changed.delete(row);
    }
  } else if (may && ended.length > 0 && now >= Math.min(...ended.map((row) => row.resolvedAt! + groupMs))) {
    plan.batches.push({ rule, kind: 'recovery', incidents: ended });
  }

  plan.upserts.push(...changed);
}
