import { GatePausedError, RequestGate } from '@/lib/level/request-gate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Pure scheduling logic under fake time; the client's behaviour over HTTP is tested against the simulator.

describe('RequestGate', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('never runs more tasks at once than its concurrency', async () => {
    const gate = new RequestGate({ concurrency: 3 });
    let running = 0;
    let peak = 0;
    const tasks = Array.from({ length: 10 }, () =>
      gate.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise((resolve) => setTimeout(resolve, 100));
        running -= 1;
      }),
    );
    await vi.runAllTimersAsync();
    await Promise.all(tasks);
    expect(peak).toBe(3);
  });

  it('starts no more than the per-minute budget in any 60 s window', async () => {
    const gate = new RequestGate({ concurrency: 10, requestsPerMinute: 5 });
    const startedAt: number[] = [];
    const tasks = Array.from({ length: 7 }, () => gate.run(async () => void startedAt.push(Date.now())));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(startedAt).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1);
    await Promise.all(tasks);
    expect(startedAt).toHaveLength(7);
    expect((startedAt[5] ?? 0) - (startedAt[0] ?? 0)).toBeGreaterThanOrEqual(60_000);
  });

  it('holds every start until a pause ends and never shortens a pause', async () => {
    const gate = new RequestGate();
    gate.pauseUntil(Date.now() + 5_000);
    gate.pauseUntil(Date.now() + 1_000);
    let startedAt = 0;
    const task = gate.run(async () => void (startedAt = Date.now()));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(startedAt).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await task;
    expect(startedAt).toBe(1_005_000);
    expect(gate.state().pausedUntil).toBeNull();
  });

  it('extends a pause that is already being waited out', async () => {
    const gate = new RequestGate();
    gate.pauseUntil(Date.now() + 1_000);
    let startedAt = 0;
    const task = gate.run(async () => void (startedAt = Date.now()));
    await vi.advanceTimersByTimeAsync(500);
    gate.pauseUntil(Date.now() + 2_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(startedAt).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await task;
    expect(startedAt).toBe(1_002_500);
  });

  it('drops a queued waiter whose signal aborts', async () => {
    const gate = new RequestGate({ concurrency: 1 });
    const release = await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    expect(gate.state().queued).toBe(1);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(gate.state().queued).toBe(0);
    release();
    expect(gate.state().inFlight).toBe(0);
  });

  it('refuses callers, queued or new, that will not wait out a long pause', async () => {
    const gate = new RequestGate({ concurrency: 1 });
    const release = await gate.acquire();
    const patient = gate.acquire(undefined, 120_000);
    const impatient = gate.acquire(undefined, 5_000);
    gate.pauseUntil(Date.now() + 60_000);
    await expect(impatient).rejects.toBeInstanceOf(GatePausedError);
    await expect(gate.acquire(undefined, 5_000)).rejects.toMatchObject({ remainingMs: 60_000 });
    expect(gate.state().queued).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(60_000);
    (await patient)();
    expect(gate.state()).toMatchObject({ inFlight: 0, queued: 0, pausedUntil: null });
  });

  it('starts a waiting sync request before any waiting demand request', async () => {
    const gate = new RequestGate({ concurrency: 1 });
    const order: string[] = [];
    const release = await gate.acquire();
    const demand = Array.from({ length: 20 }, (_, i) =>
      gate.run(async () => void order.push(`demand-${i}`), undefined, 'demand'),
    );
    const sync = gate.run(async () => void order.push('sync'));
    release();
    await Promise.all([...demand, sync]);
    expect(order[0]).toBe('sync');
  });

  it('keeps demand to its share of the concurrency, leaving the rest free for syncs', async () => {
    const gate = new RequestGate({ concurrency: 4, demandShare: 0.25 });
    const held: (() => void)[] = [];
    const demand = Array.from({ length: 900 }, () =>
      gate.acquire(undefined, Number.POSITIVE_INFINITY, 'demand').then((release) => held.push(release)),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(gate.state().demand).toEqual({ inFlight: 1, queued: 899 });
    // A sync's four parallel requests all start at once, without waiting for any demand request.
    const started: number[] = [];
    const sync = Array.from({ length: 3 }, () => gate.acquire().then(() => started.push(Date.now())));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(3);
    expect(gate.state().inFlight).toBe(4);
    await Promise.all(sync);
    void demand;
  });

  it('keeps demand to its share of the per-minute budget; syncs still get the rest', async () => {
    const gate = new RequestGate({ concurrency: 10, requestsPerMinute: 100, demandShare: 0.2 });
    let demandStarted = 0;
    const demand = Array.from({ length: 900 }, () =>
      gate.run(async () => void (demandStarted += 1), undefined, 'demand'),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    expect(demandStarted).toBe(20);
    let syncStarted = 0;
    const sync = Array.from({ length: 80 }, () => gate.run(async () => void (syncStarted += 1)));
    await vi.advanceTimersByTimeAsync(0);
    expect(syncStarted).toBe(80);
    await Promise.all(sync);
    // The next minute, demand gets its share again; nothing more.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(demandStarted).toBe(40);
    void demand;
  });

  it('a sync request arriving while demand waits for its budget starts at once', async () => {
    const gate = new RequestGate({ concurrency: 4, requestsPerMinute: 10, demandShare: 0.2 });
    let demandStarted = 0;
    const demand = Array.from({ length: 5 }, () =>
      gate.run(async () => void (demandStarted += 1), undefined, 'demand'),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(demandStarted).toBe(2);
    let syncAt = 0;
    const sync = gate.run(async () => void (syncAt = Date.now()));
    await vi.advanceTimersByTimeAsync(0);
    expect(syncAt).toBe(1_000_000);
    await sync;
    void demand;
  });

  it('runs background requests one at a time, after every waiting sync and demand request, within their share', async () => {
    const gate = new RequestGate({ concurrency: 4, requestsPerMinute: 100, backgroundShare: 0.1 });
    const order: string[] = [];
    const release = await gate.acquire();
    await gate.acquire();
    await gate.acquire();
    await gate.acquire(); // all four slots busy
    const background = Array.from({ length: 30 }, (_, i) =>
      gate.run(async () => void order.push(`bg-${i}`), undefined, 'background'),
    );
    const demand = gate.run(async () => void order.push('demand'), undefined, 'demand');
    const sync = gate.run(async () => void order.push('sync'));
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(order.slice(0, 2)).toEqual(['sync', 'demand']);
    await Promise.all([sync, demand]);
    // 10 % of 100 a minute: ten background starts in the first minute, ten more in the next.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order.filter((o) => o.startsWith('bg-'))).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(order.filter((o) => o.startsWith('bg-'))).toHaveLength(20);
    void background;
  });
});
