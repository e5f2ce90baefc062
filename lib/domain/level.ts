// Secret-free Level domain types, shared by the server and the browser.
export type { ActivitiesResult, Activity } from '@/lib/domain/activity';
export type { Alert } from '@/lib/domain/alert';
export type {
  Automation,
  AutomationRun,
  AutomationRunStep,
  AutomationTriggerInput,
  AutomationTriggerResult,
  AutomationWebhook,
} from '@/lib/domain/automation';
export type { CustomField, CustomFieldValue } from '@/lib/domain/custom-field';
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
