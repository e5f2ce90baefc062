// The page's tabs, readable by the server page (which picks the first from the URL) and the client.
export const NOTIFICATION_TABS = [
  { value: 'channels', label: 'Channels' },
  { value: 'rules', label: 'Rules' },
  { value: 'log', label: 'Delivery log' },
] as const;
export type NotificationTab = (typeof NOTIFICATION_TABS)[number]['value'];

export const notificationTab = (value: string | undefined): NotificationTab =>
  NOTIFICATION_TABS.find((item) => item.value === value)?.value ?? 'channels';
