import { queryKeys } from '@/lib/query/keys';
import {
  INVALIDATE_EVERY_MS,
  keysFor,
  LiveConnection,
  RECONNECT_MIN_MS,
  type LiveDeps,
} from '@/lib/query/live';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeSource {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<string>) => void)[]>();
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? [])
      listener({ data: JSON.stringify(data) } as MessageEvent<string>);
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  fail(readyState: 0 | 2) {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}

describe('LiveConnection', () => {
  let sources: FakeSource[];
  let client: QueryClient;
  let invalidated: string[];
  const deps = (): LiveDeps => ({
    open: () => {
      const source = new FakeSource();
      sources.push(source);
      return source;
    },
    setTimeout: (run, ms) => setTimeout(run, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
  });
  const latest = () => sources.at(-1) as FakeSource;

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    invalidated = [];
    client = new QueryClient();
    vi.spyOn(client, 'invalidateQueries').mockImplementation((filters) => {
      invalidated.push(JSON.stringify(filters?.queryKey));
      return Promise.resolve();
    });
  });
  afterEach(() => vi.useRealTimers());

  it('takes the first versions as the baseline, then invalidates on each change', () => {
    const live = new LiveConnection(client, deps());
    live.start();
    latest().open();
    latest().emit('snapshot', { version: '4.0', stale: false });
    latest().emit('acknowledgements', { version: 1 });
    expect(invalidated).toEqual([]);
    latest().emit('snapshot', { version: '5.0', stale: false });
    expect(invalidated).toEqual(keysFor('snapshot').map((key) => JSON.stringify(key)));
    expect(invalidated).toContain(JSON.stringify(queryKeys.wall()));
    expect(invalidated).toContain(JSON.stringify(queryKeys.fleet()));
    expect(invalidated).not.toContain(JSON.stringify(queryKeys.session()));
    expect(invalidated).not.toContain(JSON.stringify(queryKeys.admin()));
    live.stop();
  });

  it('invalidates at most once a second in a burst, and never drops the last change', () => {
    const live = new LiveConnection(client, deps());
    live.start();
    latest().emit('snapshot', { version: '1.0', stale: false });
    for (let v = 2; v <= 6; v += 1) latest().emit('snapshot', { version: `${v}.0`, stale: false });
    const once = keysFor('snapshot').length;
    expect(invalidated.length).toBe(once);
    latest().emit('acknowledgements', { version: 1 });
    latest().emit('acknowledgements', { version: 2 });
    expect(invalidated.length).toBe(once);
    vi.advanceTimersByTime(INVALIDATE_EVERY_MS);
    // The trailing flush carries both the later snapshots (3.0–6.0) and the acknowledgement.
    const trailing = new Set(invalidated.slice(once));
    for (const key of [...keysFor('snapshot'), ...keysFor('acknowledgements')])
      expect(trailing.has(JSON.stringify(key))).toBe(true);
    expect(invalidated.length).toBe(once + trailing.size);
    live.stop();
  });

  it('after the stream dropped (a server restart), refetches once on reconnecting, even with the same version', () => {
    const live = new LiveConnection(client, deps());
    live.start();
    latest().emit('snapshot', { version: '9.0', stale: false });
    latest().fail(0); // the browser reconnects by itself
    expect(sources.length).toBe(1);
    latest().open();
    latest().emit('snapshot', { version: '9.0', stale: false });
    expect(invalidated.length).toBeGreaterThan(0);
    live.stop();
  });

  it('reconnects itself, backing off, when the browser gives up on the stream (an HTTP error)', () => {
    const live = new LiveConnection(client, deps());
    live.start();
    latest().fail(2);
    expect(sources.length).toBe(1);
    vi.advanceTimersByTime(RECONNECT_MIN_MS);
    expect(sources.length).toBe(2);
    latest().fail(2);
    vi.advanceTimersByTime(RECONNECT_MIN_MS);
    expect(sources.length).toBe(2); // now 4 s
    vi.advanceTimersByTime(RECONNECT_MIN_MS);
    expect(sources.length).toBe(3);
    latest().open();
    latest().emit('snapshot', { version: '2.0', stale: false });
    expect(invalidated.length).toBeGreaterThan(0); // it missed whatever happened meanwhile
    live.stop();
    vi.advanceTimersByTime(60_000);
    expect(sources.length).toBe(3);
  });

  it("on 'ended' (a revoked link) asks its queries at once, so the page shows the end", () => {
    const live = new LiveConnection(client, deps());
    live.start();
    latest().emit('snapshot', { version: '1.0', stale: false });
    latest().emit('ended', { reason: 'access' });
    expect(latest().closed).toBe(true);
    expect(invalidated).toContain(JSON.stringify(queryKeys.fleet()));
    live.stop();
  });
});
