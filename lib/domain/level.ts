// Secret-free Level domain types, shared by the server and the browser.
export type { Alert } from '@/lib/domain/alert';
export type {
  Automation,
  AutomationTriggerInput,
  AutomationTriggerResult,
  AutomationWebhook,
} from '@/lib/domain/automation';
export type {
  Device,
  DeviceCpu,
  DeviceDetail,
  DeviceDisk,
  DeviceDiskPartition,
  DeviceMemoryModule,
  DeviceMotherboard,
  DeviceNetworkInterface,
  DeviceOperatingSystem,
  DevicePlatform,
  DeviceRole,
  DeviceSecurity,
} from '@/lib/domain/device';
export type { Group } from '@/lib/domain/group';
export { SEVERITIES, isSeverity, severityRank, type Severity } from '@/lib/domain/severity';
export type { Tag } from '@/lib/domain/tag';
export type { Update } from '@/lib/domain/update';
