import { z } from 'zod';

// What an admin sets per client for its reports (issue 20), and the report schedules. Shared by the
// settings routes, the availability engine, the report builder and the scheduler.

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM (24 h)');
const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'an IANA time zone such as Europe/Berlin');

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const businessHoursSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: hhmm,
  to: hhmm,
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const pct = z.number().min(0).max(100);

export const clientReportSettingsSchema = z.object({
  timeZone: timeZone.default('UTC'),
  businessHours: businessHoursSchema.default({ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }),
  /** Availability targets in percent; null = no target (no breaches listed). */
  slaTargets: z
    .object({ serversPct: pct.nullable().default(99.9), workstationsPct: pct.nullable().default(null) })
    .default({ serversPct: 99.9, workstationsPct: null }),
  /** Which hours the SLA counts. */
  slaHours: z.enum(['all', 'business']).default('all'),
  /** Where scheduled reports go. */
  contacts: z.array(z.string().email()).max(20).default([]),
  /** Devices in maintenance longer than this many days are listed. */
  maintenanceLongerThanDays: z.number().int().min(1).max(365).default(14),
  /** Workstations offline longer than this many days are listed. */
  offlineLongerThanDays: z.number().int().min(1).max(365).default(30),
});
export type ClientReportSettings = z.infer<typeof clientReportSettingsSchema>;

/** The settings of a client nobody has configured yet. */
export const DEFAULT_CLIENT_REPORT_SETTINGS: ClientReportSettings = clientReportSettingsSchema.parse({});

/** MSP branding on every report (stored under key `report.branding` in key_values). */
export const reportBrandingSchema = z.object({
  name: z.string().trim().min(1).max(80).default('Levelboard'),
  /** A PNG, JPEG or SVG data URL of at most ~200 KB; null = no logo. */
  logoDataUrl: z
    .string()
    .max(280_000)
    .regex(/^data:image\/(png|jpeg|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'a PNG, JPEG or SVG image')
    .nullable()
    .default(null),
  /** The accent colour as #rrggbb. */
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
    .default('#2563eb'),
});
export type ReportBranding = z.infer<typeof reportBrandingSchema>;

/** When a client's report is sent: the previous calendar month, on a day of the month, client time. */
export const reportScheduleDefinitionSchema = z.object({
  /** 1–28, or `last` for the month's last day. */
  dayOfMonth: z.union([z.number().int().min(1).max(28), z.literal('last')]),
  time: hhmm,
  timeZone,
  period: z.enum(['previous_month', 'previous_week']).default('previous_month'),
  delivery: z.enum(['attachment', 'link']),
  /** Empty = the client's contacts. */
  recipients: z.array(z.string().email()).max(20).default([]),
  /** How long a report link stays valid (link delivery). */
  linkDays: z.number().int().min(1).max(90).default(30),
});
export type ReportScheduleDefinition = z.infer<typeof reportScheduleDefinitionSchema>;
