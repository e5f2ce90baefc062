import { describeIssues } from '@/lib/level/issues';
import { toAlert, toAutomationWebhook, toDeviceDetail } from '@/lib/level/mappers';
import {
  levelAlertSchema,
  levelAutomationWebhookSchema,
  levelDeviceSchema,
  listEnvelope,
} from '@/lib/level/schemas';
import { describe, expect, it } from 'vitest';

// Parsing tolerance on hand-made payloads; the simulator-backed tests cover real responses.

const base = { id: 'Z2lkOi8vbGV2ZWwvRGV2aWNlLzE', hostname: 'WS-01', online: true };

describe('device schema', () => {
  it('accepts the bare minimum and maps absent members to null or empty', () => {
    const device = toDeviceDetail(levelDeviceSchema.parse(base));
    expect(device).toMatchObject({
      id: base.id,
      displayName: 'WS-01',
      tags: [],
      privateIpAddresses: [],
      maintenanceMode: false,
      lastSeenAt: null,
      platform: null,
      role: null,
    });
    expect('operatingSystem' in device).toBe(false);
  });

  it('ignores unknown fields and nulls optional values of an unexpected type', () => {
    const parsed = levelDeviceSchema.parse({
      ...base,
      brand_new: { x: 1 },
      cpu_cores: 'eight',
      total_memory: '1024',
    });
    expect(parsed).not.toHaveProperty('brand_new');
    expect(parsed.cpu_cores).toBeNull();
    expect(parsed.total_memory).toBe(1024);
  });

  it('accepts both sides of the conflicting types', () => {
    const raw = {
      ...base,
      platform: 'Windows',
      operating_system: { major_version: 11, minor_version: '10.0.22631' },
      security: { patch_compliance: 87 },
      network_interfaces: [
        { dns_servers: '1.1.1.1, 8.8.8.8' },
        { dns_servers: ['9.9.9.9'] },
        { dns_servers: null },
      ],
    };
    const device = toDeviceDetail(levelDeviceSchema.parse(raw));
    expect(device.platform).toBe('windows');
    expect(device.operatingSystem?.majorVersion).toBe('11');
    expect(device.security?.patchCompliance).toBe(87);
    expect(device.networkInterfaces?.map((n) => n.dnsServers)).toEqual([
      ['1.1.1.1', '8.8.8.8'],
      ['9.9.9.9'],
      [],
    ]);
    const boolean = levelDeviceSchema.parse({ ...base, security: { patch_compliance: true } });
    expect(toDeviceDetail(boolean).security?.patchCompliance).toBe(true);
  });

  it('reads timestamps with or without milliseconds and nulls unreadable ones', () => {
    const parsed = levelDeviceSchema.parse({
      ...base,
      last_seen_at: '2026-10-08T11:00:00Z',
      last_reboot_time: '2026-05-01T06:12:09.000Z',
    });
    expect(parsed.last_seen_at).toBe('2026-10-08T11:00:00.000Z');
    expect(parsed.last_reboot_time).toBe('2026-05-01T06:12:09.000Z');
    expect(levelDeviceSchema.parse({ ...base, last_seen_at: 'yesterday' }).last_seen_at).toBeNull();
    expect(levelDeviceSchema.parse({ ...base, last_seen_at: '2026-10-08 11:00:00' }).last_seen_at).toBe(
      '2026-10-08T11:00:00.000Z',
    );
  });

  it('fails a list page on a broken required field and names its path without quoting the value', () => {
    const result = listEnvelope(levelDeviceSchema).safeParse({
      data: [base, base, base, { ...base, online: 'SECRET-VALUE' }],
      has_more: false,
    });
    expect(result.success).toBe(false);
    const issues = describeIssues(result.error?.issues ?? []);
    expect(issues).toEqual(['data[3].online: expected boolean']);
    expect(issues.join()).not.toContain('SECRET-VALUE');
  });
});

describe('alert schema', () => {
  const alert = {
    id: 'a1',
    device_id: 'd1',
    name: 'Disk low',
    severity: 'Critical',
    started_at: '2026-05-03T13:40:00Z',
  };

  it('normalises severity case and derives resolved from resolved_at when is_resolved is missing', () => {
    const mapped = toAlert(levelAlertSchema.parse({ ...alert, resolved_at: '2026-05-03T14:00:00Z' }));
    expect(mapped.severity).toBe('critical');
    expect(mapped.resolved).toBe(true);
  });

  it('rejects an unknown severity', () => {
    expect(levelAlertSchema.safeParse({ ...alert, severity: 'apocalyptic' }).success).toBe(false);
  });
});

describe('automation webhook', () => {
  it('takes the token from the last path segment of the url', () => {
    const hook = levelAutomationWebhookSchema.parse({
      url: 'https://api.level.io/v2/automations/webhooks/tok_abc123/',
    });
    expect(toAutomationWebhook(hook).token).toBe('tok_abc123');
  });
});
