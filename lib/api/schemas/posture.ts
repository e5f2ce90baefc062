import { z } from 'zod';

/** How many days of daily posture points to return (the newest first day is today's UTC day). */
export const postureQuery = z.strictObject({
  days: z.coerce
    .number({ error: 'must be a whole number from 1 to 400' })
    .int({ error: 'must be a whole number from 1 to 400' })
    .min(1, { error: 'must be a whole number from 1 to 400' })
    .max(400, { error: 'must be a whole number from 1 to 400' })
    .default(90),
});
