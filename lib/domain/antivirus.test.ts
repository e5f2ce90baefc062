import { antivirusState } from '@/lib/domain/antivirus';
import { describe, expect, it } from 'vitest';

describe('antivirusState', () => {
  it("reads Level's documented healthy value, and its look-alikes, as good", () => {
    for (const status of ['good', 'Good', ' GOOD ', 'enabled', 'On', 'up-to-date', 'Up_To_Date', 'protected'])
      expect(antivirusState(status), status).toBe('good');
  });

  it('reads only plain "not protecting" values as bad', () => {
    for (const status of ['disabled', 'Outdated', 'out of date', 'off', 'not_running', 'threats detected'])
      expect(antivirusState(status), status).toBe('bad');
  });

  it('leaves anything else unknown: never red for a value it cannot read', () => {
    for (const status of [null, undefined, '', 'pending', 'snoozed', 'goodish', 'not good at all'])
      expect(antivirusState(status), String(status)).toBe('unknown');
  });
});
