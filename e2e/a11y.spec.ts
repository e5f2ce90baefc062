import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { applyTheme, dashboardPages, type Theme } from './support/pages';
import { simulator } from './support/simulator';

const demo = simulator('demo');

test.describe('accessibility (axe, WCAG 2.1 A/AA)', () => {
  test.beforeAll(async () => {
    await demo.freeze(true);
  });
  test.afterAll(async () => {
    await demo.freeze(false);
  });

  for (const theme of ['light', 'dark'] as Theme[]) {
    for (const phone of [false, true]) {
      test(`no serious or critical violations — ${theme}${phone ? ', phone' : ''}`, async ({
        browser,
        request,
      }) => {
        test.setTimeout(180_000);
        const context = await browser.newContext({
          viewport: phone ? { width: 390, height: 844 } : { width: 1440, height: 900 },
        });
        const page = await context.newPage();
        await applyTheme(page, theme);
        const found: Record<string, unknown> = {};
        for (const target of await dashboardPages(request)) {
          await page.goto(target.path);
          await target.ready(page);
          const results = await new AxeBuilder({ page })
            .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
            .analyze();
          const serious = results.violations
            .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
            .map((violation) => ({
              rule: violation.id,
              help: violation.help,
              nodes: violation.nodes
                .slice(0, 5)
                .map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
            }));
          if (serious.length) found[target.name] = serious;
        }
        expect(found).toEqual({});
        await context.close();
      });
    }
  }
});
