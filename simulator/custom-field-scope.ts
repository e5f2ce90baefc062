import { badRequest, notFound } from '@/simulator/errors';
import { decodeId, encodeId } from '@/simulator/ids';
import type { SimulatorState } from '@/simulator/state';
import type { ScopeKey } from '@/simulator/store';

export interface ScopeRef {
  readonly key: ScopeKey;
  /** What `assigned_to_id` shows for a value stored at this scope (null = organisation). */
  readonly id: string | null;
}

export interface Target extends ScopeRef {
  /** Nearest first: the target itself, its group ancestors, then the organisation. */
  readonly chain: readonly ScopeRef[];
  /** True for scopes strictly below the target (what `force` also clears). */
  covers(key: ScopeKey): boolean;
}

const ORG: ScopeRef = { key: 'org', id: null };

/** Values cascade org → group → child group → device; the nearest explicit value wins. */
export function resolveTarget(state: SimulatorState, raw: unknown): Target {
  if (raw === undefined || raw === null) return { ...ORG, chain: [ORG], covers: (key) => key !== 'org' };
  if (typeof raw !== 'string') throw badRequest('assigned_to_id must be a string or null');
  const { store } = state;
  const decoded = decodeId(raw);
  const groupScopes = (groupN: number | null): ScopeRef[] =>
    store.lineage(groupN).map((g) => ({ key: `g${g.n}`, id: encodeId('Group', g.n) }));
  if (decoded?.type === 'Device') {
    const device = state.requireDevice(raw);
    const self: ScopeRef = { key: `d${device.n}`, id: raw };
    return { ...self, chain: [self, ...groupScopes(device.groupN), ORG], covers: () => false };
  }
  if (decoded?.type === 'Group') {
    const group = state.requireGroup(raw);
    const inTree = new Set(store.subtree(group.n).map((g) => g.n));
    return {
      key: `g${group.n}`,
      id: raw,
      chain: [...groupScopes(group.n), ORG],
      covers: (key) => {
        const n = Number(key.slice(1));
        if (key.startsWith('g')) return n !== group.n && inTree.has(n);
        const groupN = key.startsWith('d') ? store.device(n)?.groupN : null;
        return groupN !== null && groupN !== undefined && inTree.has(groupN);
      },
    };
  }
  throw notFound('Not found');
}
