import { acknowledgements, acknowledgementsNow, type AcknowledgementView } from '@/lib/acknowledgements/live';
import type { ApiResult } from '@/lib/api/types';
import 'server-only';

/**
 * Runs `answer` with the acknowledgements in memory: synchronously when they are loaded (the
 * polled routes stay on the fast path), after the first load otherwise.
 */
export function withAcknowledgements(
  answer: (view: AcknowledgementView) => ApiResult | Promise<ApiResult>,
): ApiResult | Promise<ApiResult> {
  const view = acknowledgementsNow();
  return view ? answer(view) : acknowledgements().then(answer);
}
