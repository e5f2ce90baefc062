'use client';

import { ChannelList } from '@/components/notifications/channel-list';
import { DeliveryLog } from '@/components/notifications/delivery-log';
import { NotificationStatusStrip } from '@/components/notifications/notification-status';
import { RuleList } from '@/components/notifications/rule-list';
import { NOTIFICATION_TABS, type NotificationTab } from '@/components/notifications/tabs';
import clsx from 'clsx';
import Link from 'next/link';
import { useRef, useState, type KeyboardEvent } from 'react';

/** Settings → Notifications: three tabs (WAI-ARIA tabs, arrow keys move between them); the tab is in the URL. */
export function NotificationsAdmin({ initialTab }: { initialTab: NotificationTab }) {
  const [tab, setTab] = useState<NotificationTab>(initialTab);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const choose = (next: NotificationTab) => {
    setTab(next);
    const url = new URL(window.location.href);
    url.searchParams.set('tab', next);
    window.history.replaceState(null, '', url);
  };
  const onKey = (event: KeyboardEvent) => {
    const index = NOTIFICATION_TABS.findIndex((item) => item.value === tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = NOTIFICATION_TABS[(index + step + NOTIFICATION_TABS.length) % NOTIFICATION_TABS.length];
    if (!next) return;
    choose(next.value);
    refs.current[next.value]?.focus();
  };
  return (
    <div className="space-y-6">
      <div>
        <Link href="/settings" className="text-sm font-medium text-accent underline underline-offset-2">
          ← Settings
        </Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Notifications</h1>
        <p className="mt-1 text-sm text-muted">
          Levelboard tells the on-call technician in Teams, Slack, e-mail, ntfy, PagerDuty or a webhook.
        </p>
      </div>
      <NotificationStatusStrip />
      <div
        role="tablist"
        aria-label="Notifications"
        className="flex gap-1 border-b border-line"
        onKeyDown={onKey}
      >
        {NOTIFICATION_TABS.map((item) => (
          <button
            key={item.value}
            ref={(node) => {
              refs.current[item.value] = node;
            }}
            type="button"
            role="tab"
            id={`tab-${item.value}`}
            aria-selected={tab === item.value}
            aria-controls={`panel-${item.value}`}
            tabIndex={tab === item.value ? 0 : -1}
            onClick={() => choose(item.value)}
            className={clsx(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-accent',
              tab === item.value ? 'border-accent text-ink' : 'border-transparent text-muted hover:text-ink',
            )}
            data-testid={`tab-${item.value}`}
          >
            {item.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'channels' ? <ChannelList /> : tab === 'rules' ? <RuleList /> : <DeliveryLog />}
      </div>
    </div>
  );
}
