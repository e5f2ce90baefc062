import { processWide } from '@/lib/process-wide';
import { describe, expect, it } from 'vitest';

declare module '@/lib/process-wide' {
  interface ProcessWide {
    testCounter: { count: number };
  }
}

describe('processWide', () => {
  it('makes each entry once and hands every caller the same one', () => {
    let made = 0;
    const create = () => {
      made += 1;
      return { count: 0 };
    };
    const first = processWide('testCounter', create);
    first.count += 1;
    const second = processWide('testCounter', create);
    expect(second).toBe(first);
    expect(second.count).toBe(1);
    expect(made).toBe(1);
  });

  it('is the one slot the CommonJS entry writes before the app loads', () => {
    // As server/levelboard-server.cjs does it, untyped, before any module of ours runs.
    const slot = globalThis as typeof globalThis & { __levelboard?: { edge?: { peerHeader?: string } } };
    const written = ((slot.__levelboard ??= {}).edge ??= {});
    written.peerHeader = 'x-peer';
    const read = processWide('edge', () => ({}));
    expect(read).toBe(written);
    expect(read.peerHeader).toBe('x-peer');
  });
});
