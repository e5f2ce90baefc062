import type { Alert } from '@/lib/domain/alert';
import type { Automation, AutomationWebhook } from '@/lib/domain/automation';
import type { Group } from '@/lib/domain/group';
import type { Tag } from '@/lib/domain/tag';
import type { Update } from '@/lib/domain/update';
import type { LevelAlert } from '@/lib/level/schemas/alert';
import type { LevelAutomation, LevelAutomationWebhook } from '@/lib/level/schemas/automation';
import type { LevelGroup } from '@/lib/level/schemas/group';
import type { LevelTag } from '@/lib/level/schemas/tag';
import type { LevelUpdate } from '@/lib/level/schemas/update';

export function toGroup(raw: LevelGroup): Group {
  return {
    id: raw.id,
    parentId: raw.parent_id,
    childIds: raw.child_ids,
    name: raw.name,
    deviceCount: raw.device_count,
    descendentDeviceCount: raw.descendent_device_count,
  };
}

export function toAlert(raw: LevelAlert): Alert {
  return {
    id: raw.id,
    deviceId: raw.device_id,
    deviceHostname: raw.device_hostname,
    name: raw.name,
    description: raw.description,
    payload: raw.payload,
    severity: raw.severity,
    resolved: raw.is_resolved ?? raw.resolved_at !== null,
    startedAt: raw.started_at,
    resolvedAt: raw.resolved_at,
  };
}

export function toTag(raw: LevelTag): Tag {
  return { id: raw.id, name: raw.name, deviceCount: raw.device_count };
}

export function toUpdate(raw: LevelUpdate): Update {
  return {
    id: raw.id,
    deviceId: raw.device_id,
    deviceHostname: raw.device_hostname,
    name: raw.name,
    category: raw.category,
    available: raw.is_available,
    installedAt: raw.installed_on,
    version: raw.version,
    size: raw.size,
    kbIds: raw.kb_ids,
    error: raw.error,
    publishedAt: raw.published_on,
  };
}

export function toAutomation(raw: LevelAutomation): Automation {
  return {
    id: raw.id,
    name: raw.name,
    description: raw.description,
    groupId: raw.group_id,
    groupName: raw.group_name,
  };
}

/** The token is the webhook URL's last path segment (`…/v2/automations/webhooks/<token>`). */
export function webhookToken(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url.split(/[?#]/)[0] ?? url;
  }
  const segment =
    path
      .split('/')
      .filter((s) => s !== '')
      .pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function toAutomationWebhook(raw: LevelAutomationWebhook): AutomationWebhook {
  return {
    url: raw.url,
    token: webhookToken(raw.url),
    automationId: raw.automation_id,
    automationName: raw.automation_name,
    requiresAuthorizationHeader: raw.requires_authorization_header ?? false,
    parameters: raw.parameters,
  };
}
