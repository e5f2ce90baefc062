export { toDevice, toDeviceDetail } from '@/lib/level/mappers/device';
export {
  toAlert,
  toAutomation,
  toAutomationWebhook,
  toGroup,
  toTag,
  toUpdate,
  webhookToken,
} from '@/lib/level/mappers/resources';
