import { AlertTriangle } from 'lucide-react';

export function ErrorPanel({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-xl border border-critical/40 bg-critical/10 p-4"
    >
      <AlertTriangle className="mt-0.5 size-5 shrink-0 text-critical" aria-hidden />
      <div className="flex-1">
        <p className="font-medium">Levelboard could not load this data.</p>
        <p className="text-sm text-muted">{message}</p>
      </div>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="rounded-md border border-line bg-raised px-3 py-1.5 text-sm font-medium hover:bg-sunken"
        >
          Retry
        </button>
      ) : null}
    </div>
  );
}
