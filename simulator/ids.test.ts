import { decodeId, encodeId, idNumber } from '@/simulator/ids';
import { createRng } from '@/simulator/random';
import { insertSorted, lowerBound, removeSorted, upperBound } from '@/simulator/sorted';
import { describe, expect, it } from 'vitest';

describe('ids', () => {
  it('matches the observed Level form (base64 of a gid, no padding)', () => {
    expect(encodeId('CustomField', 2294)).toBe('Z2lkOi8vbGV2ZWwvQ3VzdG9tRmllbGQvMjI5NA');
    expect(decodeId('Z2lkOi8vbGV2ZWwvQ3VzdG9tRmllbGQvMjI5NA')).toEqual({ type: 'CustomField', n: 2294 });
    for (let n = 1; n < 3000; n += 7) expect(encodeId('Device', n)).not.toMatch(/[=+/]/);
  });

  it('round-trips every type', () => {
    for (const type of [
      'Device',
      'Group',
      'Alert',
      'Tag',
      'Update',
      'Automation',
      'AutomationRun',
    ] as const) {
      expect(decodeId(encodeId(type, 123_456))).toEqual({ type, n: 123_456 });
    }
  });

  it('rejects junk and foreign gids', () => {
    for (const junk of [
      '',
      'null',
      '550e8400-e29b-41d4-a716-446655440000',
      '!!!',
      encodeId('Device', 1) + '*',
    ]) {
      expect(decodeId(junk)).toBeNull();
    }
    expect(decodeId(Buffer.from('gid://other/Device/1').toString('base64url'))).toBeNull();
    expect(decodeId(Buffer.from('gid://level/Widget/1').toString('base64url'))).toBeNull();
    expect(decodeId(Buffer.from('gid://level/Device/0').toString('base64url'))).toBeNull();
    expect(idNumber(encodeId('Group', 5), 'Device')).toBeNull();
    expect(idNumber(42, 'Device')).toBeNull();
  });
});

describe('random', () => {
  it('is deterministic per seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(createRng(1).hex(13)).toMatch(/^[0-9a-f]{13}$/);
  });
});

describe('sorted helpers', () => {
  it('keeps arrays sorted and finds bounds', () => {
    const items: number[] = [];
    for (const n of [5, 1, 9, 3, 7, 3]) insertSorted(items, n, Number);
    expect(items).toEqual([1, 3, 5, 7, 9]);
    expect(lowerBound(items, 4, Number)).toBe(2);
    expect(upperBound(items, 5, Number)).toBe(3);
    expect(removeSorted(items, 7, Number)).toBe(true);
    expect(removeSorted(items, 8, Number)).toBe(false);
    expect(items).toEqual([1, 3, 5, 9]);
  });
});
