import { CHANNEL_FIELDS } from '@/lib/domain/notification-channel-fields';
import { CHANNEL_SCHEMAS } from '@/lib/domain/notification-channels';
import { CHANNEL_KINDS } from '@/lib/domain/notifications';
import { expect, it } from 'vitest';

// The editor renders CHANNEL_FIELDS and the server validates with CHANNEL_SCHEMAS: the two must
// name the same fields, each on the right side of the secret line.

it.each(CHANNEL_KINDS)('%s: the editor fields are exactly the schema fields, secrets as secrets', (kind) => {
  const fields = CHANNEL_FIELDS[kind];
  const configKeys = Object.keys(CHANNEL_SCHEMAS[kind].config.shape).sort();
  const secretKeys = Object.keys(CHANNEL_SCHEMAS[kind].secret.shape).sort();
  expect(
    fields
      .filter((field) => !field.secret)
      .map((field) => field.name)
      .sort(),
  ).toEqual(configKeys);
  expect(
    fields
      .filter((field) => field.secret)
      .map((field) => field.name)
      .sort(),
  ).toEqual(secretKeys);
  for (const field of fields.filter((entry) => entry.secret))
    expect(field.input === 'password' || field.input === 'url').toBe(true);
});
