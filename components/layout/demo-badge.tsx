import { FlaskConical } from 'lucide-react';

export function DemoBadge() {
  return (
    <span
      className="inline-flex shrink-0 items-center gap-1 rounded-full border border-warning/50 bg-warning/15 px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap text-ink"
      title="No LEVEL_API_KEY is set: Levelboard is showing the built-in Level simulator's fleet."
      data-testid="demo-badge"
    >
      <FlaskConical className="size-3.5" aria-hidden />
      Demo data
    </span>
  );
}
