import { LevelboardApiError } from '@/lib/query/fetch-json';
import { createConnection } from '@/lib/wall/connection';
import { RESUME_KEY, readResume, writeResume } from '@/lib/wall/resume';
import { describe, expect, it } from 'vitest';

describe('wall connection', () => {
  it('counts failures in a row, backs polls off, and recovers on the next success', () => {
    const connection = createConnection();
    expect(connection.delay(5_000)).toBe(5_000);
    connection.failed(new TypeError('Failed to fetch'), 100);
    connection.failed(new TypeError('Failed to fetch'), 200);
    expect(connection.get()).toMatchObject({ failures: 2, downSince: 100, refused: false });
    expect(connection.delay(5_000, 200)).toBe(5_000);
    expect(connection.delay(5_000, 40_100)).toBe(20_000);
    connection.ok(300);
    expect(connection.get()).toEqual({ failures: 0, downSince: null, lastOkAt: 300, refused: false });
    expect(connection.delay(5_000)).toBe(5_000);
  });

  it('tells a refused session (401) and a server that answered apart from a lost connection', () => {
    const connection = createConnection();
    connection.failed(new LevelboardApiError(401, 'unauthorized', 'Sign in'), 1);
    expect(connection.get()).toMatchObject({ refused: true, failures: 1 });
    connection.failed(new LevelboardApiError(503, 'not_synced', 'First sync running'), 2);
    expect(connection.get()).toMatchObject({ refused: false, failures: 0, downSince: null });
    connection.failed(new LevelboardApiError(502, 'http_error', 'Levelboard answered 502'), 3);
    expect(connection.get()).toMatchObject({ failures: 1, downSince: 3 });
  });

  it('notifies subscribers of changes only', () => {
    const connection = createConnection();
    let calls = 0;
    connection.subscribe(() => (calls += 1));
    connection.ok(1_000);
    connection.ok(1_200);
    expect(calls).toBe(1);
  });
});

describe('wall resume', () => {
  it('round-trips through storage and survives junk', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(readResume(storage)).toBeNull();
    const resume = {
      index: 2,
      hold: { keys: ['alert:1'], since: 5 },
      tracker: { known: { 'alert:1': 5 }, primed: true },
      lastReloadAt: 9,
      lastReload: 'uptime' as const,
    };
    writeResume(storage, resume);
    expect(readResume(storage)).toEqual(resume);
    store.set(RESUME_KEY, '{not json');
    expect(readResume(storage)).toBeNull();
    store.set(
      RESUME_KEY,
      JSON.stringify({ index: -3, hold: 'x', tracker: 7, lastReloadAt: 'y', lastReload: 'z' }),
    );
    expect(readResume(storage)).toEqual({
      index: 0,
      hold: null,
      tracker: null,
      lastReloadAt: null,
      lastReload: null,
    });
  });
});
