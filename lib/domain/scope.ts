import { z } from 'zod';

// What a share link or a person may see, as data: the server checks it on every request (lib/auth),
// the admin's forms and lists show it. One access model: links and people go through the same
// scoped-fleet predicates (lib/auth/scoped-fleet.ts).

/** The most devices one device-list link may name (the admin's picker shows the same limit). */
export const MAX_SCOPE_DEVICES = 1000;

/** The most client groups one person's scope may name. */
export const MAX_SCOPE_GROUPS = 200;

const fleetScope = z.object({ kind: z.literal('fleet') });
/** Several groups, each with everything beneath it: a person's "these clients". */
const groupsScope = z.object({
  kind: z.literal('groups'),
  groupIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_SCOPE_GROUPS),
});

/** What a share link may be scoped to: the fleet, one group, or a list of devices. */
export const scopeSchema = z.discriminatedUnion('kind', [
  fleetScope,
  z.object({ kind: z.literal('group'), groupId: z.string().min(1).max(200) }),
  z.object({
    kind: z.literal('devices'),
    deviceIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_SCOPE_DEVICES),
  }),
]);

export type LinkScope = z.infer<typeof scopeSchema>;

/** What a person (lib/users) may be scoped to: the whole fleet or chosen client groups. */
export const personScopeSchema = z.discriminatedUnion('kind', [fleetScope, groupsScope]);
export type PersonScope = z.infer<typeof personScopeSchema>;

/** Any scope the server enforces (lib/auth/scoped-fleet.ts). */
export type Scope = LinkScope | PersonScope;
