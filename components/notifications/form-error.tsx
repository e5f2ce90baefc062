import { AlertTriangle } from 'lucide-react';

/** The server's message, in ink beside a red mark (red text itself fails contrast on white). */
export function FormError({ message, testId }: { message: string; testId?: string }) {
  return (
    <p
      role="alert"
      className="flex items-start gap-2 rounded-md border-l-4 border-critical bg-sunken px-3 py-2 text-sm"
      data-testid={testId}
    >
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-critical" />
      <span className="break-words">{message}</span>
    </p>
  );
}
