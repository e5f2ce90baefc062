'use client';

import { FormError } from '@/components/notifications/form-error';
import { CHANNELS_URL, send } from '@/components/notifications/notify-api';
import { buttonClass, inputClass, secondaryButtonClass } from '@/components/settings/section';
import { Dialog } from '@/components/ui/dialog';
import { CHANNEL_FIELDS, CHANNEL_LABELS, type ChannelField } from '@/lib/domain/notification-channel-fields';
import { DEFAULT_RATE_PER_MINUTE, type ChannelView } from '@/lib/domain/notification-channels';
import { CHANNEL_KINDS, type ChannelKind } from '@/lib/domain/notifications';
import { queryKeys } from '@/lib/query/keys';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';

// Add or edit a channel. The inputs come from the kind's field list (lib/domain/notification-
// channels.ts), so a new kind or field needs no change here. Secret fields are write-only: they
// start empty, and left empty they keep what is stored.

type Values = Record<string, string | boolean>;

function initialValues(kind: ChannelKind, channel: ChannelView | null): Values {
  const values: Values = {};
  for (const field of CHANNEL_FIELDS[kind]) {
    if (field.secret) {
      values[field.name] = '';
      continue;
    }
    const stored = channel?.config[field.name];
    const value = stored ?? field.defaultValue;
    if (field.input === 'toggle') values[field.name] = value === true;
    else if (Array.isArray(value)) values[field.name] = value.join(', ');
    else values[field.name] = value === undefined || value === null ? '' : String(value);
  }
  return values;
}

/** The form's strings as the server's types; an empty optional field is left to the server's default. */
function toBody(kind: ChannelKind, values: Values) {
  const config: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const field of CHANNEL_FIELDS[kind]) {
    const value = values[field.name];
    if (field.input === 'toggle') {
      config[field.name] = value === true;
      continue;
    }
    const raw = typeof value === 'string' ? value.trim() : '';
    if (raw === '') continue;
    const target = field.secret ? secret : config;
    if (field.input === 'number') target[field.name] = Number(raw);
    else if (field.input === 'email-list')
      target[field.name] = raw
        .split(/[,;\s]+/)
        .map((item) => item.trim())
        .filter(Boolean);
    else target[field.name] = raw;
  }
  return { config, secret: Object.keys(secret).length > 0 ? secret : undefined };
}

function FieldInput({
  field,
  value,
  onChange,
  editing,
  secretSet,
}: {
  field: ChannelField;
  value: string | boolean;
  onChange: (value: string | boolean) => void;
  editing: boolean;
  secretSet: boolean;
}) {
  const helpId = useId();
  const keep = field.secret && editing && secretSet;
  const help = keep ? `${field.help} Leave empty to keep the stored one.` : field.help;
  if (field.input === 'toggle')
    return (
      <div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input
            type="checkbox"
            name={field.name}
            checked={value === true}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={helpId}
          />
          {field.label}
        </label>
        <p id={helpId} className="mt-1 text-xs text-muted">
          {help}
        </p>
      </div>
    );
  const common = {
    name: field.name,
    'aria-describedby': helpId,
    className: inputClass,
    required: field.required && !keep,
  };
  return (
    <div>
      <label className="block">
        <span className="text-sm font-medium">
          {field.label}
          {keep ? <span className="ml-2 text-xs font-normal text-muted">(set)</span> : null}
        </span>
        {field.input === 'select' ? (
          <select {...common} value={String(value)} onChange={(event) => onChange(event.target.value)}>
            {field.options?.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...common}
            type={
              field.input === 'password' || field.secret
                ? 'password'
                : field.input === 'email-list'
                  ? 'text'
                  : field.input
            }
            autoComplete={field.secret ? 'new-password' : 'off'}
            placeholder={keep ? '••••••••' : field.placeholder}
            value={String(value)}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
      </label>
      <p id={helpId} className="mt-1 text-xs text-muted">
        {help}
      </p>
    </div>
  );
}

export function ChannelDialog({ channel, onClose }: { channel: ChannelView | null; onClose: () => void }) {
  const client = useQueryClient();
  const editing = channel !== null;
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? 'slack');
  const [name, setName] = useState(channel?.name ?? '');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [rate, setRate] = useState(String(channel?.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE));
  const [values, setValues] = useState<Values>(() => initialValues(channel?.kind ?? 'slack', channel));
  const save = useMutation({
    mutationFn: () => {
      const { config, secret } = toBody(kind, values);
      const common = { name, enabled, ratePerMinute: Number(rate), config, secret };
      return channel
        ? send(`${CHANNELS_URL}/${encodeURIComponent(channel.id)}`, common, 'PATCH')
        : send(CHANNELS_URL, { kind, ...common });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.notificationChannels() });
      onClose();
    },
  });
  return (
    <Dialog
      open
      onClose={onClose}
      title={channel ? `Edit ${channel.name}` : 'Add a channel'}
      testId="channel-dialog"
    >
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <label className="block">
          <span className="text-sm font-medium">Kind</span>
          <select
            name="kind"
            value={kind}
            disabled={editing}
            onChange={(event) => {
              const next = event.target.value as ChannelKind;
              setKind(next);
              setValues(initialValues(next, null));
            }}
            className={inputClass}
          >
            {CHANNEL_KINDS.map((option) => (
              <option key={option} value={option}>
                {CHANNEL_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="text-sm font-medium">Name</span>
          <input
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            required
            maxLength={100}
            placeholder="Teams ops"
            className={inputClass}
          />
        </label>
        {CHANNEL_FIELDS[kind].map((field) => (
          <FieldInput
            key={`${kind}-${field.name}`}
            field={field}
            value={values[field.name] ?? ''}
            onChange={(value) => setValues((before) => ({ ...before, [field.name]: value }))}
            editing={editing}
            secretSet={channel?.secretSet ?? false}
          />
        ))}
        <div>
          <label className="block">
            <span className="text-sm font-medium">At most, messages per minute</span>
            <input
              name="ratePerMinute"
              type="number"
              min={1}
              max={600}
              value={rate}
              onChange={(event) => setRate(event.target.value)}
              aria-describedby="channel-rate-help"
              className={inputClass}
            />
          </label>
          <p id="channel-rate-help" className="mt-1 text-xs text-muted">
            More wait their turn in the queue; nothing is dropped.
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
          Enabled
        </label>
        {save.error ? <FormError message={save.error.message} testId="channel-error" /> : null}
        <div className="flex justify-end gap-2">
          <button type="button" className={secondaryButtonClass} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className={buttonClass} disabled={save.isPending} data-testid="save-channel">
            {channel ? 'Save' : 'Add channel'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
