import { StreamHub, type LiveState } from '@/lib/api/live/hub';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class Sink {
  chunks: string[] = [];
  ended = false;
  write(chunk: string) {
    if (this.ended) throw new Error('write after end');
    this.chunks.push(chunk);
  }
  end() {
    this.ended = true;
  }
  get text() {
    return this.chunks.join('');
  }
  /** The named events received, data parsed. */
  events() {
    return [...this.text.matchAll(/event: (\w+)\ndata: (.*)\n\n/g)].map(([, name, data]) => ({
      name,
      data: JSON.parse(data ?? 'null') as unknown,
    }));
  }
}

describe('StreamHub', () => {
  let state: LiveState;
  let now: number;
  const hubWith = (options: Partial<ConstructorParameters<typeof StreamHub>[0]> = {}) =>
    new StreamHub({ read: () => state, now: () => now, ...options });

  beforeEach(() => {
    state = { snapshot: '7.0', stale: false, acknowledgements: 3 };
    now = 1_000_000;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('opens with the retry hint and the current state, so a reconnecting tab knows what it missed', () => {
    const hub = hubWith({ retryMs: 2_500 });
    const sink = new Sink();
    hub.open(sink, () => true);
    expect(sink.text.startsWith('retry: 2500\n\n')).toBe(true);
    expect(sink.events()).toEqual([
      { name: 'snapshot', data: { version: '7.0', stale: false } },
      { name: 'acknowledgements', data: { version: 3 } },
    ]);
  });

  it('announces each change once to every open stream, and nothing while nothing changes', () => {
    const hub = hubWith();
    const a = new Sink();
    const b = new Sink();
    hub.open(a, () => true);
    hub.open(b, () => true);
    a.chunks = [];
    b.chunks = [];
    hub.tick();
    expect(a.text).toBe('');
    state = { snapshot: '7.1', stale: false, acknowledgements: 3 };
    hub.tick();
    hub.tick();
    state = { snapshot: '7.1', stale: false, acknowledgements: 4 };
    hub.tick();
    state = { snapshot: '7.1', stale: true, acknowledgements: 4 };
    hub.tick();
    const expected = [
      { name: 'snapshot', data: { version: '7.1', stale: false } },
      { name: 'acknowledgements', data: { version: 4 } },
      { name: 'snapshot', data: { version: '7.1', stale: true } },
    ];
    expect(a.events()).toEqual(expected);
    expect(b.events()).toEqual(expected);
  });

  it('runs its ticker only while a stream is open, and picks up changes on it', () => {
    const hub = hubWith({ tickMs: 250 });
    expect(vi.getTimerCount()).toBe(0);
    const sink = new Sink();
    const close = hub.open(sink, () => true);
    expect(vi.getTimerCount()).toBe(1);
    sink.chunks = [];
    state = { snapshot: '8.0', stale: false, acknowledgements: 3 };
    vi.advanceTimersByTime(250);
    expect(sink.events()).toEqual([{ name: 'snapshot', data: { version: '8.0', stale: false } }]);
    close();
    expect(hub.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('writes a heartbeat comment when nothing else was written for a while', () => {
    const hub = hubWith({ heartbeatMs: 15_000 });
    const sink = new Sink();
    hub.open(sink, () => true);
    sink.chunks = [];
    now += 14_999;
    hub.tick();
    expect(sink.text).toBe('');
    now += 1;
    hub.tick();
    expect(sink.text).toBe(': heartbeat\n\n');
  });

  it('ends a stream whose access is gone (a revoked link), and keeps the others', async () => {
    const hub = hubWith({ accessEveryMs: 1_000 });
    let linkValid = true;
    const link = new Sink();
    const admin = new Sink();
    hub.open(link, () => Promise.resolve(linkValid));
    hub.open(admin, () => true);
    now += 1_000;
    hub.tick();
    await Promise.resolve();
    expect(link.ended).toBe(false);
    linkValid = false;
    hub.tick(); // checked at most once a second
    await Promise.resolve();
    expect(link.ended).toBe(false);
    now += 1_000;
    hub.tick();
    await vi.waitFor(() => expect(link.ended).toBe(true));
    expect(link.events().at(-1)).toEqual({ name: 'ended', data: { reason: 'access' } });
    expect(hub.size).toBe(1);
    expect(admin.ended).toBe(false);
    state = { snapshot: '9.0', stale: false, acknowledgements: 3 };
    hub.tick();
    expect(admin.events().at(-1)).toEqual({ name: 'snapshot', data: { version: '9.0', stale: false } });
  });

  it('keeps a stream when its access check fails (the database is away) rather than guessing', async () => {
    const hub = hubWith();
    const sink = new Sink();
    hub.open(sink, () => Promise.reject(new Error('database gone')));
    now += 1_000;
    hub.tick();
    await Promise.resolve();
    await Promise.resolve();
    expect(sink.ended).toBe(false);
    expect(hub.size).toBe(1);
  });

  it('drops a stream whose socket throws, without disturbing the rest', () => {
    const hub = hubWith();
    const broken = new Sink();
    const fine = new Sink();
    hub.open(broken, () => true);
    hub.open(fine, () => true);
    broken.ended = true; // writes now throw
    state = { snapshot: '7.2', stale: false, acknowledgements: 3 };
    hub.tick();
    expect(hub.size).toBe(1);
    expect(fine.events().at(-1)).toEqual({ name: 'snapshot', data: { version: '7.2', stale: false } });
  });

  it('at shutdown ends every stream and refuses new ones, so the server can close', () => {
    const hub = hubWith();
    const open = new Sink();
    hub.open(open, () => true);
    hub.shutdown();
    expect(open.ended).toBe(true);
    const late = new Sink();
    hub.open(late, () => true);
    expect(late.ended).toBe(true);
    expect(late.text).toBe('');
    expect(hub.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('before the first sync sends no snapshot event, then the first version when it comes', () => {
    state = { snapshot: null, stale: true, acknowledgements: null };
    const hub = hubWith();
    const sink = new Sink();
    hub.open(sink, () => true);
    expect(sink.events()).toEqual([]);
    state = { snapshot: '1.0', stale: false, acknowledgements: 0 };
    hub.tick();
    expect(sink.events()).toEqual([
      { name: 'snapshot', data: { version: '1.0', stale: false } },
      { name: 'acknowledgements', data: { version: 0 } },
    ]);
  });
});
