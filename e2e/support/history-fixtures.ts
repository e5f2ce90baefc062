import type { Page } from '@playwright/test';

// The servers under test always record history, so the "no history yet" empty state (a server
// before its first syncs, or an older one without the routes) is shown by answering 404 in the
// browser. Everything else in the suite reads real recorded history.
export async function withoutHistory(page: Page): Promise<void> {
  await page.route('**/api/history/**', (route) =>
    route.fulfill({ status: 404, json: { error: { code: 'not_found', message: 'Not found' } } }),
  );
}
