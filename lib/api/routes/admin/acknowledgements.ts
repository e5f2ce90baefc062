import { acknowledge, unacknowledge } from '@/lib/acknowledgements/live';
import { actingScope, levelIdSchema, MAX_BULK, type ActingScope } from '@/lib/actions/targets';
import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { auditAs } from '@/lib/auth/audit';
import { getStore } from '@/lib/db/instance';
import {
  ACK_NOTE_MAX,
  alertProblemKey,
  offlineProblemKey,
  type AcknowledgeAnswer,
  type ProblemRef,
} from '@/lib/domain/acknowledgement';
import { NotFoundError } from '@/lib/domain/errors';
import { isOfflineServer } from '@/lib/domain/fleet';
import 'server-only';
import { z } from 'zod';

// "Someone is on it" (issue 16). Stored in Levelboard only: Level's API can resolve an alert but
// has no acknowledgement. A problem is named by what the admin sees (an alert, or an offline
// server) and resolved to its key against the synced fleet, so only problems that exist now can be
// acknowledged (404 otherwise) and the key belongs to this occurrence.

const problemRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('alert'), alertId: levelIdSchema }),
  z.strictObject({ kind: z.literal('offline'), deviceId: levelIdSchema }),
]);

const problemsSchema = z
  .array(problemRefSchema)
  .min(1, { error: 'needs at least one problem' })
  .max(MAX_BULK, { error: `takes at most ${MAX_BULK} problems at once` });

const acknowledgeSchema = z.strictObject({
  problems: problemsSchema,
  note: z
    .string()
    .trim()
    .max(ACK_NOTE_MAX, { error: `a note has at most ${ACK_NOTE_MAX} characters` })
    .regex(/^[^\u0000-\u0008\u000b-\u001f\u007f]*$/, { error: 'must not contain control characters' })
    .optional(),
});

const removeSchema = z.strictObject({ problems: problemsSchema });

/** Each problem once (a request may name the same one twice), with its key and audit label. */
function targetsOf(acting: ActingScope, problems: readonly ProblemRef[]): { key: string; label: string }[] {
  return [...new Map(problems.map((ref) => keyOf(acting, ref)).map((t) => [t.key, t])).values()];
}

/** A problem outside the caller's scope reads as one that does not exist. */
function keyOf({ snapshot, view }: ActingScope, ref: ProblemRef): { key: string; label: string } {
  if (ref.kind === 'alert') {
    const alert = snapshot.alertById.get(ref.alertId);
    if (!alert || alert.resolved || !view.deviceIdAllowed(alert.deviceId))
      throw new NotFoundError(`No active alert with id ${ref.alertId}.`);
    return { key: alertProblemKey(alert.id), label: `alert ${alert.id}` };
  }
  const device = snapshot.deviceById.get(ref.deviceId);
  if (!device || !isOfflineServer(device) || !view.deviceIdAllowed(device.id))
    throw new NotFoundError(`No offline server with id ${ref.deviceId}.`);
  return { key: offlineProblemKey(device.id, device.lastSeenAt), label: `device ${device.id} offline` };
}

const targetOf = (targets: { label: string }[]) =>
  targets.length === 1 ? (targets[0]?.label ?? '') : `${targets.length} problems`;

export const acknowledgeRoute = route(
  'admin.acknowledgements.add',
  async (request, _params, access) => {
    const { problems, note } = await parseBody(request, acknowledgeSchema);
    const acting = actingScope(access);
    const targets = targetsOf(acting, problems);
    const at = Date.now();
    const text = note ? note : null;
    const by = acting.access.person.name;
    await acknowledge(targets.map((target) => ({ key: target.key, by, note: text, at })));
    await auditAs(await getStore(), access, {
      action: 'problem.acknowledge',
      target: targetOf(targets),
      result: 'ok',
      detail: { count: targets.length, note: text },
      ip: clientAddress(request),
    });
    const answer: AcknowledgeAnswer = {
      problems: targets.map((target) => ({
        key: target.key,
        acknowledged: { note: text, at: new Date(at).toISOString() },
      })),
    };
    return json(answer);
  },
  { access: 'act' },
);

export const unacknowledgeRoute = route(
  'admin.acknowledgements.remove',
  async (request, _params, access) => {
    const { problems } = await parseBody(request, removeSchema);
    const targets = targetsOf(actingScope(access), problems);
    const removed = await unacknowledge(targets.map((target) => target.key));
    await auditAs(await getStore(), access, {
      action: 'problem.unacknowledge',
      target: targetOf(targets),
      result: 'ok',
      detail: { count: targets.length, removed },
      ip: clientAddress(request),
    });
    const answer: AcknowledgeAnswer = {
      problems: targets.map((target) => ({ key: target.key, acknowledged: null })),
    };
    return json(answer);
  },
  { access: 'act' },
);
