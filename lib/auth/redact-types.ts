export type { AlertRow, DeviceRow } from '@/lib/domain/fleet';
