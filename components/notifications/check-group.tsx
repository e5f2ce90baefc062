'use client';

/** A fieldset of checkboxes for a multi-choice field (events, severities, channels). */
export function CheckGroup<T extends string | number>({
  legend,
  help,
  options,
  value,
  onChange,
  testId,
  columns = false,
}: {
  legend: string;
  help?: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  testId?: string;
  /** Lay the boxes out in a grid rather than wrapping in one line. */
  columns?: boolean;
}) {
  const toggle = (option: T, on: boolean) =>
    onChange(options.map((o) => o.value).filter((item) => (item === option ? on : value.includes(item))));
  return (
    <fieldset data-testid={testId}>
      <legend className="text-sm font-medium">{legend}</legend>
      {help ? <p className="text-xs text-muted">{help}</p> : null}
      <div className={columns ? 'mt-1 grid gap-1 sm:grid-cols-2' : 'mt-1 flex flex-wrap gap-x-4 gap-y-1'}>
        {options.map((option) => (
          <label key={String(option.value)} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
