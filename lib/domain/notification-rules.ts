import type { RuleDefinition } from '@/lib/domain/notifications';

// A notification rule as the admin API answers it and the Settings page edits it.

export interface RuleView {
  id: string;
  definition: RuleDefinition;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
}
