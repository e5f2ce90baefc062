'use client';

import { ErrorPanel } from '@/components/ui/error-panel';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-3xl p-6">
      <ErrorPanel message="An unexpected error occurred while showing this page." onRetry={reset} />
    </main>
  );
}
