'use client';

import { CheckGroup } from '@/components/notifications/check-group';
import { FormError } from '@/components/notifications/form-error';
import { RULES_URL, send, useChannels } from '@/components/notifications/notify-api';
import { RuleHours } from '@/components/notifications/rule-hours';
import { buttonClass, inputClass, secondaryButtonClass } from '@/components/settings/section';
import { Dialog } from '@/components/ui/dialog';
import { ScopePicker } from '@/components/users/scope-picker';
import { DEVICE_ROLES } from '@/lib/domain/device';
import { EVENT_LABEL } from '@/lib/domain/notification-rule-summary';
import type { RuleView } from '@/lib/domain/notification-rules';
import { EVENT_KINDS, type RuleDefinition } from '@/lib/domain/notifications';
import { SEVERITIES } from '@/lib/domain/severity';
import { ROLE_LABEL, SEVERITY_LABEL } from '@/lib/format';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';

// Add or edit a notification rule. The whole definition is sent on save; the server validates it
// (lib/domain/notifications.ts) and its message is shown as it comes.

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function newRule(): RuleDefinition {
  return {
    name: '',
    enabled: true,
    events: ['alert', 'device_offline'],
    scope: { kind: 'fleet' },
    severities: ['critical', 'emergency'],
    roles: ['server', 'domain_controller'],
    healthBelow: 'red',
    delayMinutes: 5,
    groupSeconds: 60,
    repeatMinutes: 0,
    recovery: true,
    timeZone: browserZone(),
    businessHours: null,
    quietHours: null,
    channelIds: [],
  };
}

/** Numbers are edited as text, so a field can be empty while typing; the server judges the result. */
type Numbers = Record<'delayMinutes' | 'groupSeconds' | 'repeatMinutes', string>;

function NumberField({
  label,
  help,
  value,
  onChange,
  min,
  max,
  name,
}: {
  label: string;
  help: string;
  value: string;
  onChange: (value: string) => void;
  min: number;
  max: number;
  name: string;
}) {
  const helpId = useId();
  return (
    <div>
      <label className="block">
        <span className="text-sm font-medium">{label}</span>
        <input
          name={name}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={helpId}
          className={inputClass}
        />
      </label>
      <p id={helpId} className="mt-1 text-xs text-muted">
        {help}
      </p>
    </div>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-4">
      <h3 className="border-b border-line pb-1 text-sm font-semibold tracking-wide text-muted uppercase">
        {title}
      </h3>
      {children}
    </div>
  );
}

export function RuleEditor({ rule, onClose }: { rule: RuleView | null; onClose: () => void }) {
  const client = useQueryClient();
  const channels = useChannels();
  const [draft, setDraft] = useState<RuleDefinition>(() => rule?.definition ?? newRule());
  const [numbers, setNumbers] = useState<Numbers>(() => ({
    delayMinutes: String(draft.delayMinutes),
    groupSeconds: String(draft.groupSeconds),
    repeatMinutes: String(draft.repeatMinutes),
  }));
  const set = (next: Partial<RuleDefinition>) => setDraft((before) => ({ ...before, ...next }));
  const save = useMutation({
    mutationFn: () => {
      const body: RuleDefinition = {
        ...draft,
        delayMinutes: Number(numbers.delayMinutes),
        groupSeconds: Number(numbers.groupSeconds),
        repeatMinutes: Number(numbers.repeatMinutes),
      };
      return rule
        ? send(`${RULES_URL}/${encodeURIComponent(rule.id)}`, body, 'PATCH')
        : send(RULES_URL, body);
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.notificationRules() });
      onClose();
    },
  });
  const events = draft.events;
  const channelOptions = (channels.data?.channels ?? []).map((channel) => ({
    value: channel.id,
    label: channel.enabled ? channel.name : `${channel.name} (off)`,
  }));
  return (
    <Dialog
      open
      onClose={onClose}
      title={rule ? `Edit ${rule.definition.name}` : 'New rule'}
      testId="rule-editor"
      wide
    >
      <form
        className="space-y-5"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <div className="grid gap-x-8 gap-y-5 md:grid-cols-2">
          <Part title="What">
            <label className="block">
              <span className="text-sm font-medium">Name</span>
              <input
                name="name"
                value={draft.name}
                onChange={(event) => set({ name: event.target.value })}
                maxLength={120}
                placeholder="Contoso servers"
                className={inputClass}
              />
            </label>
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                checked={draft.enabled}
                onChange={(event) => set({ enabled: event.target.checked })}
              />
              Enabled
            </label>
            <CheckGroup
              legend="Notify about"
              options={EVENT_KINDS.map((kind) => ({ value: kind, label: EVENT_LABEL[kind] }))}
              value={events}
              onChange={(next) => set({ events: next })}
              testId="rule-events"
              columns
            />
            {events.includes('alert') ? (
              <CheckGroup
                legend="Alert severities"
                options={SEVERITIES.map((severity) => ({ value: severity, label: SEVERITY_LABEL[severity] }))}
                value={draft.severities}
                onChange={(severities) => set({ severities })}
              />
            ) : null}
            {events.includes('device_offline') ? (
              <CheckGroup
                legend="Offline devices of these roles"
                help="A device without a role counts as a workstation."
                options={DEVICE_ROLES.map((role) => ({ value: role, label: ROLE_LABEL[role] ?? role }))}
                value={draft.roles}
                onChange={(roles) => set({ roles })}
              />
            ) : null}
            {events.includes('client_health') ? (
              <label className="block">
                <span className="text-sm font-medium">Client health at or below</span>
                <select
                  value={draft.healthBelow}
                  onChange={(event) =>
                    set({ healthBelow: event.target.value as RuleDefinition['healthBelow'] })
                  }
                  className={inputClass}
                >
                  <option value="amber">Amber (needs attention)</option>
                  <option value="red">Red (in trouble)</option>
                </select>
              </label>
            ) : null}
            <ScopePicker
              legend="For clients"
              fleetLabel="All clients (the whole fleet)"
              value={draft.scope}
              onChange={(scope) => set({ scope })}
            />
            <p className="-mt-2 text-xs text-muted">
              Level unreachable, wall screens and sync are about Levelboard itself and go out whatever the
              clients.
            </p>
          </Part>
          <div className="space-y-5">
            <Part title="How often">
              <div className="grid gap-3 sm:grid-cols-3 md:grid-cols-1 lg:grid-cols-3">
                <NumberField
                  name="delayMinutes"
                  label="Delay (min)"
                  help="Only if still true after this long."
                  min={0}
                  max={1440}
                  value={numbers.delayMinutes}
                  onChange={(delayMinutes) => setNumbers((before) => ({ ...before, delayMinutes }))}
                />
                <NumberField
                  name="groupSeconds"
                  label="Grouping (s)"
                  help="What comes due together goes out as one message."
                  min={0}
                  max={3600}
                  value={numbers.groupSeconds}
                  onChange={(groupSeconds) => setNumbers((before) => ({ ...before, groupSeconds }))}
                />
                <NumberField
                  name="repeatMinutes"
                  label="Repeat (min)"
                  help="Every so often while open and not acknowledged; 0 = never."
                  min={0}
                  max={10080}
                  value={numbers.repeatMinutes}
                  onChange={(repeatMinutes) => setNumbers((before) => ({ ...before, repeatMinutes }))}
                />
              </div>
              <label className="flex items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  checked={draft.recovery}
                  onChange={(event) => set({ recovery: event.target.checked })}
                />
                Send a message when it is over (recovery)
              </label>
            </Part>
            <Part title="When">
              <RuleHours value={draft} onChange={set} />
            </Part>
            <Part title="Where">
              {channelOptions.length > 0 ? (
                <CheckGroup
                  legend="Channels"
                  options={channelOptions}
                  value={draft.channelIds}
                  onChange={(channelIds) => set({ channelIds })}
                  testId="rule-channels"
                  columns
                />
              ) : (
                <p className="text-sm text-muted">Add a channel first (Channels tab).</p>
              )}
            </Part>
          </div>
        </div>
        {save.error ? <FormError message={save.error.message} testId="rule-error" /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={buttonClass} disabled={save.isPending} data-testid="save-rule">
            {rule ? 'Save' : 'Create rule'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
