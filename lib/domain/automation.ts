export interface Automation {
  id: string;
  name: string;
  description: string | null;
  groupId: string | null;
  groupName: string | null;
}

export interface AutomationWebhook {
  url: string;
  /** The last path segment of `url`; what the trigger call needs. */
  token: string;
  automationId: string | null;
  automationName: string | null;
  requiresAuthorizationHeader: boolean;
  parameters: string[];
}

export interface AutomationTriggerInput {
  deviceIds?: string[];
  /** Extra body keys; Level maps them to the webhook's variables when it defines them. */
  variables?: Record<string, string>;
}

export interface AutomationTriggerResult {
  /**
   * Run ids when Level's (undocumented) response names them in `automation_run_ids` or
   * `automation_run_id`; empty otherwise.
   */
  runIds: string[];
  /** The response body as Level sent it (null when empty). */
  response: unknown;
}
