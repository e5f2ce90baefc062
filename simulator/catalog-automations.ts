export interface AutomationTemplate {
  readonly name: string;
  readonly description: string | null;
  readonly steps: readonly string[];
  /** null = no webhook trigger. */
  readonly webhook: { readonly requiresAuth: boolean; readonly parameters: readonly string[] } | null;
  /** Scoped to the first client group instead of the whole organisation. */
  readonly clientScoped: boolean;
}

export const AUTOMATION_TEMPLATES: readonly AutomationTemplate[] = [
  {
    name: 'Restart print spooler',
    description: 'Stops, clears and restarts the Spooler service',
    steps: ['Stop Spooler', 'Clear spool folder', 'Start Spooler'],
    webhook: { requiresAuth: true, parameters: ['device_ids'] },
    clientScoped: false,
  },
  {
    name: 'Clear temp files',
    description: 'Deletes temp files older than 7 days',
    steps: ['Measure free space', 'Delete temp files', 'Report reclaimed space'],
    webhook: { requiresAuth: false, parameters: ['device_ids'] },
    clientScoped: false,
  },
  {
    name: 'Install pending updates',
    description: 'Installs approved OS updates now',
    steps: ['Scan for updates', 'Download updates', 'Install updates', 'Schedule reboot'],
    webhook: { requiresAuth: true, parameters: ['device_ids', 'reboot'] },
    clientScoped: false,
  },
  {
    name: 'Reboot device',
    description: null,
    steps: ['Notify logged-in user', 'Reboot'],
    webhook: { requiresAuth: true, parameters: ['device_ids', 'delay_minutes'] },
    clientScoped: false,
  },
  {
    name: 'Collect diagnostics',
    description: 'Gathers event logs and system info into a zip',
    steps: ['Export event logs', 'Collect system info', 'Upload bundle'],
    webhook: { requiresAuth: false, parameters: ['device_ids', 'ticket_id'] },
    clientScoped: false,
  },
  {
    name: 'Flush DNS cache',
    description: null,
    steps: ['Flush DNS cache'],
    webhook: { requiresAuth: false, parameters: ['device_ids'] },
    clientScoped: false,
  },
  {
    name: 'Onboard new workstation',
    description: 'Installs the standard software baseline',
    steps: ['Install browser', 'Install Office', 'Apply security baseline', 'Join domain'],
    webhook: null,
    clientScoped: true,
  },
  {
    name: 'Nightly backup verification',
    description: 'Checks the last backup job result',
    steps: ['Read backup log', 'Verify job status'],
    webhook: null,
    clientScoped: false,
  },
];
