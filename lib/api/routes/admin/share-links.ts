import { parseBody } from '@/lib/api/body';
import { route } from '@/lib/api/handler';
import { json } from '@/lib/api/types';
import { clientAddress } from '@/lib/auth/access';
import { auditAs } from '@/lib/auth/audit';
import { forgetShareLink } from '@/lib/auth/live-share-links';
import { shareLinkAdminView } from '@/lib/auth/share-link-view';
import {
  createShareLink,
  findShareLink,
  listShareLinks,
  revokeShareLink,
  updateWallSettings,
} from '@/lib/auth/share-links';
import { getStore } from '@/lib/db/instance';
import { InvalidInputError, NotFoundError } from '@/lib/domain/errors';
import type { ReportPeriod } from '@/lib/domain/report';
import { monthKeySchema } from '@/lib/domain/report-delivery';
import { scopeSchema } from '@/lib/domain/scope';
import { wallSettingsInput } from '@/lib/domain/wall-settings';
import { fleetService } from '@/lib/fleet/instance';
import { readClientReportSettings } from '@/lib/reports/client-settings';
import { monthPeriod } from '@/lib/reports/period';
import 'server-only';
import { z } from 'zod';

const HOUR = 60 * 60 * 1000;
const MAX_HOURS = 90 * 24;

const newLinkSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    kind: z.enum(['viewer', 'wall', 'report']),
    scope: scopeSchema,
    redact: z.boolean().default(false),
    /** 1 h … 90 days; null (never) only for wall links. */
    expiresInHours: z.number().int().min(1).max(MAX_HOURS).nullable(),
    wall: wallSettingsInput.optional(),
    /** Report links: the calendar month (in the client's time zone) of the one report it opens. */
    reportMonth: monthKeySchema.optional(),
  })
  .refine((input) => (input.kind === 'report') === (input.reportMonth !== undefined), {
    path: ['reportMonth'],
    message: 'report links, and only they, name a month',
  })
  .refine((input) => input.kind !== 'report' || (input.scope.kind === 'group' && !input.redact), {
    path: ['scope'],
    message: 'a report link is scoped to one client and is not redacted',
  })
  .refine((input) => input.expiresInHours !== null || input.kind === 'wall', {
    path: ['expiresInHours'],
    message: 'only wall links may never expire',
  })
  .refine((input) => input.wall === undefined || input.kind === 'wall', {
    path: ['wall'],
    message: 'only wall links carry wall settings',
  });

export const shareLinksRoute = route(
  'admin.share-links.list',
  async () => {
    const snapshot = fleetService().current();
    const links = await listShareLinks(await getStore());
    return json({ links: links.map((link) => shareLinkAdminView(link, snapshot)) });
  },
  {
    access: 'admin',
  },
);

export const createShareLinkRoute = route(
  'admin.share-links.create',
  async (request, _params, access) => {
    const input = await parseBody(request, newLinkSchema);
    const snapshot = fleetService().current();
    if (input.scope.kind === 'group' && snapshot && !snapshot.groupNodes.has(input.scope.groupId)) {
      throw new InvalidInputError('Invalid field "scope.groupId": no such group.');
    }
    if (input.scope.kind === 'devices' && snapshot) {
      const unknown = input.scope.deviceIds.filter((id) => !snapshot.deviceById.has(id));
      if (unknown.length > 0)
        throw new InvalidInputError(`Invalid field "scope.deviceIds": unknown device ${unknown[0]}.`);
    }
    const store = await getStore();
    let reportPeriod: ReportPeriod | undefined;
    if (input.kind === 'report' && input.scope.kind === 'group' && input.reportMonth) {
      const node = snapshot?.groupNodes.get(input.scope.groupId);
      if (!node || node.parentId !== null)
        throw new InvalidInputError(
          'Invalid field "scope.groupId": a report link names a client (top-level group).',
        );
      const { timeZone } = await readClientReportSettings(store, input.scope.groupId);
      reportPeriod = monthPeriod(input.reportMonth, timeZone);
      // As the report page refuses it (lib/reports/report-for-access.ts): no link to a month to come.
      if (reportPeriod.start > Date.now())
        throw new InvalidInputError('Invalid field "reportMonth": that month has not started.');
    }
    const { link, token } = await createShareLink(store, {
      name: input.name,
      kind: input.kind,
      scope: input.scope,
      redact: input.redact,
      expiresAt: input.expiresInHours === null ? null : Date.now() + input.expiresInHours * HOUR,
      wall: input.wall,
      reportPeriod,
    });
    await auditAs(store, access, {
      action: 'share_link.create',
      target: link.id,
      result: 'ok',
      detail: { name: link.name, kind: link.kind, scope: link.scope.kind, expiresAt: link.expiresAt },
      ip: clientAddress(request),
    });
    // The token is shown this once; only its hash is stored.
    return json({ link: shareLinkAdminView(link, snapshot), token, path: `/s/${token}` }, 201);
  },
  { access: 'admin' },
);

const linkUpdateSchema = z.strictObject({ wall: wallSettingsInput });

/** A wall link's screen settings, changed after creation; the screen picks them up on its next load. */
export const updateShareLinkRoute = route(
  'admin.share-links.update',
  async (request, params, access) => {
    const input = await parseBody(request, linkUpdateSchema);
    const store = await getStore();
    const id = params.id ?? '';
    const link = await findShareLink(store, id);
    if (!link) throw new NotFoundError(`No share link with id "${id}".`);
    if (link.kind !== 'wall') throw new InvalidInputError('Only wall links have screen settings to change.');
    if (!(await updateWallSettings(store, id, input.wall))) {
      throw new InvalidInputError('This link is revoked or expired; its settings can no longer change.');
    }
    await forgetShareLink(id);
    await auditAs(store, access, {
      action: 'share_link.update',
      target: id,
      result: 'ok',
      detail: { name: link.name, before: link.wall, after: input.wall },
      ip: clientAddress(request),
    });
    const updated = await findShareLink(store, id);
    if (!updated) throw new NotFoundError(`No share link with id "${id}".`);
    return json({ link: shareLinkAdminView(updated, fleetService().current()) });
  },
  { access: 'admin' },
);

export const revokeShareLinkRoute = route(
  'admin.share-links.revoke',
  async (request, params, access) => {
    const store = await getStore();
    const id = params.id ?? '';
    if (!(await revokeShareLink(store, id))) throw new NotFoundError(`No active share link with id "${id}".`);
    // The link's sessions end on their next request here; other replicas follow within 2 s.
    await forgetShareLink(id);
    await auditAs(store, access, {
      action: 'share_link.revoke',
      target: id,
      result: 'ok',
      detail: { name: (await findShareLink(store, id))?.name ?? null },
      ip: clientAddress(request),
    });
    return json({ ok: true });
  },
  { access: 'admin' },
);
