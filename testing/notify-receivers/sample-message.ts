import type { NotificationMessage } from '@/lib/domain/notifications';

/** A realistic message: two items, one with an "Open in Level" link, non-ASCII names. */
export function sampleMessage(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    id: '6f1c2a8e-4b7d-4e1a-9c3b-2d5e8f7a1b0c',
    kind: 'trigger',
    ruleId: 'rule-1',
    ruleName: 'Servers offline — Contoso',
    severity: 'critical',
    title: 'Contoso · 2 servers offline at Zürich office',
    summary: 'SRV-DC01 and SRV-FILE02 have been offline for more than 5 minutes.',
    items: [
      {
        key: 'device_offline:dev-1',
        kind: 'device_offline',
        severity: 'critical',
        title: 'Server offline',
        client: 'Contoso',
        site: 'Zürich office',
        device: 'SRV-DC01',
        since: '2026-12-07T05:01:00.000Z',
        resolvedAt: null,
        url: 'https://levelboard.example.com/devices/dev-1',
        levelUrl: 'https://app.level.io/devices/dev-1',
      },
      {
        key: 'alert:alert-9',
        kind: 'alert',
        severity: 'warning',
        title: 'Disk C: below 10% free <80 GB> & falling',
        client: 'Contoso',
        site: 'Zürich office',
        device: 'SRV-FILE02',
        since: '2026-12-07T04:55:00.000Z',
        resolvedAt: null,
        url: 'https://levelboard.example.com/devices/dev-2',
        levelUrl: null,
      },
    ],
    moreCount: 0,
    url: 'https://levelboard.example.com/alerts',
    createdAt: '2026-12-07T05:06:00.000Z',
    ...overrides,
  };
}
