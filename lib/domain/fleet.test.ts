import { isOfflineServer } from '@/lib/domain/fleet';
import { describe, expect, it } from 'vitest';

describe('isOfflineServer', () => {
  const device = { online: false, maintenanceMode: false, role: 'server' as const };

  it('counts an offline server or domain controller', () => {
    expect(isOfflineServer(device)).toBe(true);
    expect(isOfflineServer({ ...device, role: 'domain_controller' })).toBe(true);
  });

  it('leaves out online devices, maintenance, workstations and devices without a role', () => {
    expect(isOfflineServer({ ...device, online: true })).toBe(false);
    expect(isOfflineServer({ ...device, maintenanceMode: true })).toBe(false);
    expect(isOfflineServer({ ...device, role: 'workstation' })).toBe(false);
    expect(isOfflineServer({ ...device, role: null })).toBe(false);
  });
});
