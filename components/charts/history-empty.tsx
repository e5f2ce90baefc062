import { EmptyState } from '@/components/ui/empty-state';
import { History } from 'lucide-react';

export function HistoryEmpty() {
  return (
    <EmptyState icon={History} title="No history yet" testId="history-empty">
      History appears once Levelboard has recorded a few syncs.
    </EmptyState>
  );
}
