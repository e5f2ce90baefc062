import clsx from 'clsx';

/** Several independent choices (statuses, platforms, roles); none pressed means "all". */
export function ToggleChips<T extends string>({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  label: string;
  options: readonly { value: T; label: string; dot?: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  testId?: string;
}) {
  const toggle = (option: T) =>
    onChange(
      value.includes(option)
        ? value.filter((item) => item !== option)
        : options.map((o) => o.value).filter((item) => item === option || value.includes(item)),
    );
  return (
    <div role="group" aria-label={label} className="flex flex-wrap items-center gap-1.5" data-testid={testId}>
      <span className="text-xs font-medium text-muted" aria-hidden>
        {label}
      </span>
      {options.map((option) => {
        const pressed = value.includes(option.value);
        return (
          <button
            key={option.value}
            type="button"
            aria-pressed={pressed}
            onClick={() => toggle(option.value)}
            className={clsx(
              'inline-flex items-center gap-1.5 rounded-full border px-2.5 py-1 text-sm focus-visible:outline-2 focus-visible:outline-accent',
              pressed
                ? 'border-accent bg-accent/15 font-medium text-ink'
                : 'border-line bg-raised text-muted hover:text-ink',
            )}
          >
            {option.dot ? <span aria-hidden className={clsx('size-2 rounded-full', option.dot)} /> : null}
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
