import { inputClass } from '@/components/settings/section';
import { WALL_DEFAULTS, WALL_VIEWS, WALL_VIEW_LABEL, type WallSettings } from '@/lib/domain/wall-settings';

const HOLDS = [
  { label: 'At most 30 seconds', seconds: 30 },
  { label: 'At most 1 minute', seconds: 60 },
  { label: 'At most 2 minutes', seconds: 120 },
  { label: 'At most 5 minutes', seconds: 300 },
  { label: 'At most 15 minutes', seconds: 900 },
  { label: 'At most 1 hour', seconds: 3_600 },
];

/**
 * The wall part of the share-link form (and of its edit dialog, filled with the link's current
 * settings): what the screen rotates through and how it draws attention.
 */
export function WallSettingsFields({
  initial = {},
  compact = false,
}: {
  initial?: WallSettings;
  compact?: boolean;
}) {
  const views = initial.views ?? WALL_DEFAULTS.views;
  // 0 was "until resolved"; it now means the default maximum (lib/wall/config.ts).
  const hold = initial.holdMaxSeconds || WALL_DEFAULTS.holdMaxSeconds;
  // A hold set through the API may not be one of the choices; keep it selectable rather than lose it.
  const holds = HOLDS.some((option) => option.seconds === hold)
    ? HOLDS
    : [...HOLDS, { label: `At most ${hold} seconds`, seconds: hold }];
  return (
    <fieldset
      className={
        compact
          ? 'grid gap-3 rounded-md border border-line p-3 sm:grid-cols-2'
          : 'grid gap-3 rounded-md border border-line p-3 sm:col-span-2 sm:grid-cols-2 lg:col-span-3 lg:grid-cols-4'
      }
    >
      <legend className="px-1 text-sm font-medium">Wall screen</legend>
      <div className={compact ? 'sm:col-span-2' : 'sm:col-span-2 lg:col-span-4'}>
        <span className="text-sm font-medium">Views, in order</span>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {WALL_VIEWS.map((view) => (
            <label key={view} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="views"
                value={view}
                defaultChecked={views.includes(view)}
                className="size-4"
              />
              {WALL_VIEW_LABEL[view]}
            </label>
          ))}
        </div>
      </div>
      <label>
        <span className="text-sm font-medium">Seconds per view</span>
        <input
          type="number"
          name="intervalSeconds"
          min={5}
          max={600}
          defaultValue={initial.intervalSeconds ?? WALL_DEFAULTS.intervalSeconds}
          className={inputClass}
        />
      </label>
      <label>
        <span className="text-sm font-medium">On a newly worse problem, hold</span>
        <select name="holdMaxSeconds" defaultValue={String(hold)} className={inputClass}>
          {holds.map((option) => (
            <option key={option.seconds} value={option.seconds}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="text-sm font-medium">Theme</span>
        <select name="theme" defaultValue={initial.theme ?? WALL_DEFAULTS.theme} className={inputClass}>
          <option value="dark">Dark</option>
          <option value="light">Light</option>
        </select>
      </label>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input
          type="checkbox"
          name="sound"
          defaultChecked={initial.sound ?? WALL_DEFAULTS.sound}
          className="size-4"
        />
        Allow a sound on new critical problems
      </label>
    </fieldset>
  );
}

/** Reads the fields above back out of the submitted form. */
export function wallSettingsFrom(form: FormData): WallSettings {
  const views = form.getAll('views').map(String) as WallSettings['views'];
  return {
    views: views?.length ? views : undefined,
    intervalSeconds: Number(form.get('intervalSeconds')) || WALL_DEFAULTS.intervalSeconds,
    holdMaxSeconds: Number(form.get('holdMaxSeconds')) || 0,
    theme: form.get('theme') === 'light' ? 'light' : 'dark',
    sound: form.get('sound') === 'on',
  };
}
