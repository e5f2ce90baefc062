import { isReady, markReady, whenReady } from '@/lib/readiness';
import { describe, expect, it } from 'vitest';

const settled = (promise: Promise<void>) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(resolve, 20, false))]);

describe('readiness', () => {
  it('holds requests until the boot marks the process ready, then lets them through at once', async () => {
    expect(isReady()).toBe(false);
    const waiting = whenReady();
    expect(await settled(waiting)).toBe(false);
    markReady();
    expect(isReady()).toBe(true);
    expect(await settled(waiting)).toBe(true);
    expect(await settled(whenReady())).toBe(true);
  });
});
