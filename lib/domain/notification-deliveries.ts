import type { ChannelKind, DeliveryStatus, MessageKind } from '@/lib/domain/notifications';

// The delivery log as Settings shows it (GET /api/admin/notifications/deliveries). Never a secret:
// a channel is named by id, name and kind only.

export interface DeliveryView {
  id: string;
  /** name and kind are null once the channel is deleted. */
  channel: { id: string; name: string | null; kind: ChannelKind | null };
  /** null for a test message; name is the rule's current one, or the one it had when it sent. */
  rule: { id: string; name: string | null } | null;
  kind: MessageKind;
  status: DeliveryStatus;
  attempts: number;
  /** Epoch milliseconds. */
  createdAt: number;
  sentAt: number | null;
  /** When the next attempt is due; null once sent or failed. */
  nextAttemptAt: number | null;
  /** The receiver's HTTP status (or SMTP reply code) of the last attempt. */
  lastStatus: number | null;
  lastError: string | null;
  /** The start of the receiver's answer to the last attempt. */
  lastAnswer: string | null;
  /** The message's one-line title. */
  title: string;
}

export interface DeliveryPage {
  deliveries: DeliveryView[];
  /** Pass as `before` for the next (older) page; null when this is the last one. */
  nextBefore: string | null;
}
