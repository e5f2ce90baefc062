import { contrastOnWhite, readableAccent } from '@/components/reports/report-css';
import { describe, expect, it } from 'vitest';

describe('the brand colour as text', () => {
  it('keeps a colour that reads on white and darkens one that does not', () => {
    // #2563eb is 5.17:1 on white: kept.
    expect(readableAccent('#2563eb')).toBe('#2563eb');
    // A pale yellow (1.07:1) and a mid orange (about 3:1) are darkened to at least 4.5:1.
    for (const pale of ['#fde68a', '#f59e0b', '#ffffff']) {
      expect(contrastOnWhite(pale)).toBeLessThan(4.5);
      expect(contrastOnWhite(readableAccent(pale))).toBeGreaterThanOrEqual(4.5);
    }
  });
});
