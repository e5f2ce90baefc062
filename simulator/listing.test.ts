import { boot, CONTROL, FIXED_NOW, type Harness, type JsonRecord } from '@/testing/simulator-harness';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

let h: Harness;
beforeAll(async () => {
  h = await boot({ devices: 300 });
});
afterAll(() => h.sim.close());
afterEach(() => h.sim.state.listing.reset());

interface ListBody {
  data: JsonRecord[];
  has_more: boolean;
}
const page = async (query: string) => {
  const reply = await h.get(`/devices?limit=10${query}`);
  return { status: reply.status, body: reply.body as unknown as ListBody };
};
const ids = (body: ListBody) => body.data.map((d) => String(d.id));
const deleteDevice = async (id: string) =>
  expect((await h.call('DELETE', `/devices/${id}`)).status).toBe(200);

describe('unknown cursor (a deleted device)', () => {
  it('position (default): the deleted id keeps its place', async () => {
    const first = await page('');
    const cursor = ids(first.body)[9] as string;
    const expected = ids((await page(`&starting_after=${cursor}`)).body);
    await deleteDevice(cursor);
    expect(ids((await page(`&starting_after=${cursor}`)).body)).toEqual(expected);
  });

  it('error: 400 naming the cursor', async () => {
    h.sim.state.listing.set({ unknownCursor: 'error' });
    const cursor = ids((await page('')).body)[9] as string;
    await deleteDevice(cursor);
    const reply = await page(`&starting_after=${cursor}`);
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('starting_after');
  });

  it('empty: an empty last page, no error', async () => {
    h.sim.state.listing.set({ unknownCursor: 'empty' });
    const cursor = ids((await page('')).body)[9] as string;
    await deleteDevice(cursor);
    const reply = await page(`&starting_after=${cursor}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: [], has_more: false });
  });

  it('restart: the first page again', async () => {
    h.sim.state.listing.set({ unknownCursor: 'restart' });
    const top = ids((await page('')).body);
    const cursor = ids((await page(`&starting_after=${top[9]}`)).body)[9] as string;
    await deleteDevice(cursor);
    expect(ids((await page(`&starting_after=${cursor}`)).body)).toEqual(ids((await page('')).body));
  });

  it('a live cursor is never "unknown"', async () => {
    h.sim.state.listing.set({ unknownCursor: 'empty' });
    const top = ids((await page('')).body);
    expect((await page(`&starting_after=${top[9]}`)).body.data).toHaveLength(10);
  });
});

describe('order by last_seen (a field that changes during a walk)', () => {
  it('lists ascending by last_seen_at, then id', async () => {
    h.sim.state.listing.set({ deviceOrder: 'last_seen' });
    const all = await h.walk('/devices');
    const keys = all.map((d) => [Date.parse(String(d.last_seen_at)), String(d.id)] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0]);
    expect(keys.map((k) => k[0])).toEqual(sorted.map((k) => k[0]));
    expect(all).toHaveLength(h.sim.state.store.devices.length);
  });

  it('a device seen again moves to the end, taking a cursor on it along', async () => {
    h.sim.state.listing.set({ deviceOrder: 'last_seen' });
    const first = ids((await page('')).body);
    const cursor = first[9] as string;
    // Seen a second after the fleet's clock: later than every other device.
    h.sim.state.requireDevice(cursor).lastSeenMs = FIXED_NOW + 1_000;
    // The cursor now sits after every device: the rest of the list is skipped.
    expect((await page(`&starting_after=${cursor}`)).body).toEqual({ data: [], has_more: false });
    // And the moved device shows up again at the end of a fresh walk.
    expect((await h.walk('/devices')).at(-1)?.id).toBe(cursor);
  });
});

describe('control API', () => {
  it('reads, switches and resets the listing, rejecting unknown values', async () => {
    expect((await h.control('GET', '/_sim/listing')).body).toEqual({
      unknownCursor: 'position',
      deviceOrder: 'id',
    });
    const set = await h.control('PUT', '/_sim/listing', {
      unknownCursor: 'restart',
      deviceOrder: 'last_seen',
    });
    expect(set.body).toEqual({ unknownCursor: 'restart', deviceOrder: 'last_seen' });
    expect((await h.control('PUT', '/_sim/listing', { unknownCursor: 'maybe' })).status).toBe(400);
    expect((await h.control('DELETE', '/_sim/listing')).body).toEqual({
      unknownCursor: 'position',
      deviceOrder: 'id',
    });
    expect((await h.control('GET', '/_sim/listing', undefined, `${CONTROL}x`)).status).toBe(401);
  });

  it('enrols a device with the next id, seen now, listed last', async () => {
    const before = h.sim.state.store.devices.length;
    const enrolled = await h.control('POST', '/_sim/devices', { group_id: null });
    expect(enrolled.status).toBe(200);
    const device = enrolled.body as JsonRecord;
    expect(device.group_id).toBeNull();
    expect(h.sim.state.store.devices.length).toBe(before + 1);
    expect((await h.walk('/devices')).at(-1)?.id).toBe(device.id);
  });
});
