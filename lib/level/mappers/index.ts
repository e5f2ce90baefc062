export { toDevice, toDeviceDetail } from '@/lib/level/mappers/device';
export {
  toAlert,
  toAutomation,
  toAutomationRun,
  toAutomationWebhook,
  toCustomField,
  toCustomFieldValue,
  toGroup,
  toTag,
  toUpdate,
  webhookToken,
} from '@/lib/level/mappers/resources';
