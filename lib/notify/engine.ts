import type { Store } from '@/lib/db/open';
import { composeMessage } from '@/lib/notify/compose';
import { deleteIncidents, loadIncidents, upsertIncidents } from '@/lib/notify/incident-store';
import { enqueueMessages, type OutboxEntry } from '@/lib/notify/outbox-write';
import { planNotifications, type Incident } from '@/lib/notify/plan';
import { listRules } from '@/lib/notify/rule-store';
import type { Signal } from '@/lib/notify/signals';
import { randomUUID } from 'node:crypto';
import 'server-only';

// One evaluation: read rules and incidents, plan, and write the incidents' new state together with
// the messages it produced in ONE transaction. A crash before the commit changes nothing (the next
// evaluation plans the same messages again); after it, the messages are in the outbox and the
// incidents say they were sent, so nothing is announced twice.

export interface EvaluationResult {
  /** Messages written to the outbox (one per batch and channel). */
  queued: number;
  batches: number;
  openIncidents: number;
}

export interface EvaluateInput {
  signals: readonly Signal[];
  fleetKnown: boolean;
  baseUrl: string;
  now: number;
  newId?: () => string;
}

export async function evaluateNotifications(store: Store, input: EvaluateInput): Promise<EvaluationResult> {
  const { now } = input;
  const newId = input.newId ?? randomUUID;
  const rules = await listRules(store);
  return store.db.transaction().execute(async (trx) => {
    const incidents = await loadIncidents(trx);
    const plan = planNotifications({
      rules,
      signals: input.signals,
      incidents,
      now,
      fleetKnown: input.fleetKnown,
    });
    const touched = new Map<string, Incident>(plan.upserts.map((incident) => [incident.id, incident]));
    const deletes = new Set(plan.deletes);
    const outbox: OutboxEntry[] = [];
    for (const batch of plan.batches) {
      const message = composeMessage({
        kind: batch.kind,
        ruleId: batch.rule.id,
        ruleName: batch.rule.definition.name,
        incidents: batch.incidents,
        baseUrl: input.baseUrl,
        now,
      });
      for (const channelId of batch.rule.definition.channelIds) {
        const id = newId();
        outbox.push({ id, channelId, ruleId: batch.rule.id, kind: batch.kind, message: { id, ...message } });
      }
      for (const incident of batch.incidents) {
        if (batch.kind === 'recovery') {
          deletes.add(incident.id);
          touched.delete(incident.id);
          continue;
        }
        const marked = { ...incident, lastSentAt: now, notifiedAt: incident.notifiedAt ?? now };
        touched.set(incident.id, marked);
      }
    }
    await deleteIncidents(trx, [...deletes]);
    await upsertIncidents(
      trx,
      [...touched.values()].filter((incident) => !deletes.has(incident.id)),
    );
    await enqueueMessages(trx, outbox, now);
    const ids = new Set(incidents.map((incident) => incident.id));
    for (const incident of touched.keys()) ids.add(incident);
    for (const id of deletes) ids.delete(id);
    return { queued: outbox.length, batches: plan.batches.length, openIncidents: ids.size };
  });
}
