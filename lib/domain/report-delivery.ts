import { reportScheduleDefinitionSchema, type ReportScheduleDefinition } from '@/lib/domain/report-settings';
import { z } from 'zod';

// Report delivery (issue 20): schedules, the archive of generated reports and "send now", as the
// admin API and the Settings → Reports hub exchange them.

export const scheduleCreateSchema = z.strictObject({
  clientId: z.string().trim().min(1).max(200),
  definition: reportScheduleDefinitionSchema,
  enabled: z.boolean().default(true),
});
export type ScheduleCreateInput = z.infer<typeof scheduleCreateSchema>;

export const scheduleUpdateSchema = z
  .strictObject({ definition: reportScheduleDefinitionSchema.optional(), enabled: z.boolean().optional() })
  .refine((input) => input.definition !== undefined || input.enabled !== undefined, {
    message: 'give a definition or enabled',
  });
export type ScheduleUpdateInput = z.infer<typeof scheduleUpdateSchema>;

export interface ReportScheduleView {
  id: string;
  clientId: string;
  /** null when the client group no longer exists (or before the first sync). */
  clientName: string | null;
  definition: ReportScheduleDefinition;
  enabled: boolean;
  /** ISO instants. */
  nextRunAt: string | null;
  lastRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const monthKeySchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const sendNowSchema = z.strictObject({
  clientId: z.string().trim().min(1).max(200),
  /** A calendar month in the client's time zone; default the previous one. */
  period: monthKeySchema.optional(),
  /** `none`: generate and archive only. */
  delivery: z.enum(['attachment', 'link', 'none']),
  /** Default: the client's contacts. */
  recipients: z
    .array(z.email({ error: 'must be an e-mail address' }))
    .max(20)
    .optional(),
  linkDays: z.number().int().min(1).max(90).default(30),
});
export type SendNowInput = z.infer<typeof sendNowSchema>;

export type ArchiveStatus = 'generated' | 'sent' | 'failed';

export interface ReportArchiveEntry {
  id: string;
  clientId: string;
  clientName: string | null;
  period: { start: string; end: string };
  /** "November 2026" (or "2 Nov 2026 – 8 Nov 2026") in the client's time zone. */
  periodLabel: string;
  createdAt: string;
  trigger: 'schedule' | 'manual';
  scheduleId: string | null;
  delivery: 'attachment' | 'link' | 'none';
  recipients: string[];
  status: ArchiveStatus;
  /** Why it was not sent (the mail server's answer when it refused), or null. */
  error: string | null;
  shareLinkId: string | null;
  pdfBytes: number | null;
  /** The admin download, or null when no PDF was made. */
  pdfUrl: string | null;
}

export const archiveQuerySchema = z.object({
  clientId: z.string().trim().min(1).max(200).optional(),
  /** ISO instant or epoch ms: entries created before it (the next page). */
  before: z
    .union([
      z.coerce.number().int().positive(),
      z.iso.datetime({ offset: true }).transform((v) => Date.parse(v)),
    ])
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
