import { z } from 'zod';

// What a share link may see, as data: the server checks it on every request (lib/auth), the
// admin's forms and the link list show it.

/** The most devices one device-list link may name (the admin's picker shows the same limit). */
export const MAX_SCOPE_DEVICES = 1000;

export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fleet') }),
  z.object({ kind: z.literal('group'), groupId: z.string().min(1).max(200) }),
  z.object({
    kind: z.literal('devices'),
    deviceIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_SCOPE_DEVICES),
  }),
]);

export type Scope = z.infer<typeof scopeSchema>;
