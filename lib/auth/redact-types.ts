export type { AlertRow, DeviceRow } from '@/lib/domain/fleet';

export interface ChangeEventLike {
  deviceId: string;
  hostname: string | null;
}
