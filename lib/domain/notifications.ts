import { DEVICE_ROLES, type DeviceRole } from '@/lib/domain/device';
import { personScopeSchema } from '@/lib/domain/scope';
import { SEVERITIES, type Severity } from '@/lib/domain/severity';
import { z } from 'zod';

// Notifications (issue 19): what Levelboard tells people, as data shared by the server (lib/notify),
// the admin API and the Settings pages.

/** What Levelboard can notify about. The last three are about Levelboard itself, not a client. */
export const EVENT_KINDS = [
  'alert',
  'device_offline',
  'site_down',
  'client_health',
  'level_unreachable',
  'wall_silent',
  'sync_behind',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Events not tied to a client: a rule's client filter does not apply to them. */
export const SYSTEM_EVENT_KINDS: readonly EventKind[] = ['level_unreachable', 'wall_silent', 'sync_behind'];

export const CHANNEL_KINDS = ['email', 'teams', 'slack', 'ntfy', 'pagerduty', 'webhook'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const MESSAGE_KINDS = ['trigger', 'repeat', 'recovery', 'test'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time such as 08:00 or 22:30' });

/** A daily window in the rule's time zone; an end at or before the start crosses midnight. */
export const dailyWindowSchema = z.strictObject({ start: clockTime, end: clockTime });

const timeZone = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'must be an IANA time zone such as Europe/Berlin' },
);

export const MAX_RULE_CHANNELS = 20;

/** One rule: which events, which clients, when, how often, and where to. */
export const ruleDefinitionSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  enabled: z.boolean().default(true),
  events: z.array(z.enum(EVENT_KINDS)).min(1, { error: 'choose at least one event' }),
  /** Which clients/groups (their whole subtree); system events ignore it. */
  scope: personScopeSchema.default({ kind: 'fleet' }),
  /** Alerts of these severities. */
  severities: z.array(z.enum(SEVERITIES)).min(1).default(['critical', 'emergency']),
  /** Offline devices of these roles (no role counts as a workstation). */
  roles: z.array(z.enum(DEVICE_ROLES)).min(1).default(['server', 'domain_controller']),
  /** Client health at or below this band. */
  healthBelow: z.enum(['amber', 'red']).default('red'),
  /** Only if still true after this long (measured from when the condition began). */
  delayMinutes: z.number().int().min(0).max(1440).default(5),
  /** Conditions that become due within this window go out as one message. */
  groupSeconds: z.number().int().min(0).max(3600).default(60),
  /** Repeat while open and not acknowledged; 0 never repeats. */
  repeatMinutes: z.number().int().min(0).max(10_080).default(0),
  /** Send a message when a notified condition ends. */
  recovery: z.boolean().default(true),
  timeZone: timeZone.default('UTC'),
  /** Only notify on these ISO weekdays (1 = Monday) between start and end; null: any time. */
  businessHours: z
    .strictObject({ days: z.array(z.number().int().min(1).max(7)).min(1), start: clockTime, end: clockTime })
    .nullable()
    .default(null),
  /** Hold messages in this window every day; what is still true goes out when it ends. */
  quietHours: dailyWindowSchema.nullable().default(null),
  channelIds: z
    .array(z.string().min(1).max(100))
    .min(1, { error: 'choose at least one channel' })
    .max(MAX_RULE_CHANNELS),
});
export type RuleDefinition = z.infer<typeof ruleDefinitionSchema>;
export type RuleDefinitionInput = z.input<typeof ruleDefinitionSchema>;

/** What one condition is about, as a message shows it. Stored with its incident. */
export interface SignalDetail {
  kind: EventKind;
  severity: Severity;
  /** "Server offline", the alert's name, "Site down · 40 of 52 devices offline", ... */
  title: string;
  clientId: string | null;
  clientName: string | null;
  /** The group the device sits in (a site), or the group that is down. */
  groupId: string | null;
  groupName: string | null;
  deviceId: string | null;
  deviceName: string | null;
  role: DeviceRole | null;
  /** Levelboard's page for it, relative ("/devices/abc"). */
  path: string;
  /** "Open in Level", or null. */
  levelUrl: string | null;
  /** A site down: the devices that went offline together (their own offline lines fold into it). */
  members?: string[];
}

/** One line of a message. */
export interface MessageItem {
  key: string;
  kind: EventKind;
  severity: Severity;
  title: string;
  client: string | null;
  site: string | null;
  device: string | null;
  /** ISO: when it began. */
  since: string;
  /** ISO: when it ended (recovery messages). */
  resolvedAt: string | null;
  /** Absolute Levelboard link. */
  url: string;
  levelUrl: string | null;
}

/** The most items a message lists; the rest are counted in `moreCount`. */
export const MAX_MESSAGE_ITEMS = 25;

/** What a channel is asked to send; every driver renders it in its receiver's format. */
export interface NotificationMessage {
  /** The outbox row's id: the same on every retry (receivers may dedupe on it). */
  id: string;
  kind: MessageKind;
  ruleId: string | null;
  ruleName: string | null;
  /** The worst item's severity. */
  severity: Severity;
  /** One line: "Contoso · Site down: 40 devices offline at Berlin office". */
  title: string;
  /** A few plain-text lines. */
  summary: string;
  items: MessageItem[];
  moreCount: number;
  /** Absolute link to the Levelboard page that shows it all. */
  url: string;
  /** ISO. */
  createdAt: string;
}

/** A receiver's answer, as a driver reports it to the outbox. */
export type DeliveryOutcome =
  | { result: 'sent'; status: number | null; answer: string | null }
  | {
      result: 'retry';
      status: number | null;
      error: string;
      retryAfterMs: number | null;
      answer: string | null;
    }
  | { result: 'failed'; status: number | null; error: string; answer: string | null };

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export type { DeviceRole, Severity };
