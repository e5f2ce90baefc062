'use client';

import type { ChannelView } from '@/lib/domain/notification-channels';
import type { RuleView } from '@/lib/domain/notification-rules';
import { fetchJson } from '@/lib/query/fetch-json';
import { queryKeys } from '@/lib/query/keys';
import { useQuery } from '@tanstack/react-query';

// The Notifications page's reads and writes, in one place so the tabs share the same cache.

export const CHANNELS_URL = '/api/admin/notifications/channels';
export const RULES_URL = '/api/admin/notifications/rules';
export const DELIVERIES_URL = '/api/admin/notifications/deliveries';

export const send = <T>(url: string, body?: unknown, method = 'POST') =>
  fetchJson<T>(url, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

export const useChannels = () =>
  useQuery({
    queryKey: queryKeys.notificationChannels(),
    queryFn: ({ signal }) => fetchJson<{ channels: ChannelView[] }>(CHANNELS_URL, { signal }),
  });

export const useRules = () =>
  useQuery({
    queryKey: queryKeys.notificationRules(),
    queryFn: ({ signal }) => fetchJson<{ rules: RuleView[] }>(RULES_URL, { signal }),
  });
