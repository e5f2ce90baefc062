import {
  CLIENT_KINDS,
  CLIENT_WORDS,
  FIRST_SITES,
  INTERNAL_GROUPS,
  LOCATIONS,
  NESTED_GROUPS,
  OTHER_SITES,
} from '@/simulator/catalog-names';
import type { Rng } from '@/simulator/random';
import type { FleetStore } from '@/simulator/store';

/** A group devices can be placed in, with the network/location context its devices inherit. */
export interface Placement {
  readonly groupN: number;
  readonly name: string;
  readonly city: string;
  readonly country: string;
  readonly publicIp: string;
  /** First three octets of the LAN; the host part is allocated per device. */
  readonly subnet: string;
  /** Remote-worker sites: every device gets its own city and public IP. */
  readonly remote: boolean;
  hosts: number;
}

export interface ClientPlan {
  readonly name: string;
  readonly code: string;
  readonly regulated: boolean;
  readonly deviceCount: number;
  readonly root: Placement;
  readonly sites: Placement[];
  readonly servers: Placement | null;
  readonly nested: Placement | null;
}

export interface GroupPlan {
  readonly clients: ClientPlan[];
  readonly internal: Placement[];
}

const PUBLIC_PREFIXES = ['203.0.113', '198.51.100', '192.0.2'] as const;

export const publicIp = (rng: Rng): string => `${rng.pick(PUBLIC_PREFIXES)}.${rng.int(1, 254)}`;

export function planGroups(store: FleetStore, rng: Rng, clientDeviceTotal: number): GroupPlan {
  const clientCount = Math.max(3, Math.round((clientDeviceTotal + 1) / 40));
  const names = clientNames(rng, clientCount);
  const sizes = splitSizes(rng, clientDeviceTotal, clientCount);
  const usedCodes = new Set<string>();
  const clients = names.map(([name, word, kind, regulated], i): ClientPlan => {
    const code = uniqueCode(word, kind, usedCodes);
    const home = rng.pick(LOCATIONS);
    const size = sizes[i] ?? 0;
    const root = addGroup(store, rng, name, null, home, false);
    const siteCount = size < 8 ? 1 : size < 25 ? rng.int(1, 2) : size < 80 ? rng.int(2, 3) : rng.int(2, 4);
    const siteNames = [rng.pick(FIRST_SITES), ...rng.shuffle([...OTHER_SITES]).slice(0, siteCount - 1)];
    const sites = siteNames.map((siteName, s) => {
      const location = s === 0 || rng.chance(0.5) ? home : rng.pick(LOCATIONS);
      const remote = siteName === 'Remote Workers' || siteName === 'Field Staff';
      return addGroup(store, rng, siteName, root.groupN, location, remote);
    });
    const main = sites[0] ?? root;
    const servers = size >= 20 ? addGroup(store, rng, 'Servers', main.groupN, home, false) : null;
    const nestedParent = rng.pick(sites);
    const nested =
      size >= 12 && rng.chance(0.35) && !nestedParent.remote
        ? addGroup(store, rng, rng.pick(NESTED_GROUPS), nestedParent.groupN, nestedParent, false)
        : null;
    return { name, code, regulated, deviceCount: size, root, sites, servers, nested };
  });
  const internal: Placement[] = [];
  for (const [name, children] of INTERNAL_GROUPS) {
    const home = LOCATIONS[0] ?? ['Asheville', 'United States'];
    const top = addGroup(store, rng, name, null, home, false);
    internal.push(top);
    for (const child of children) internal.push(addGroup(store, rng, child, top.groupN, home, false));
  }
  return { clients, internal };
}

function addGroup(
  store: FleetStore,
  rng: Rng,
  name: string,
  parentN: number | null,
  location: readonly [string, string] | Placement,
  remote: boolean,
): Placement {
  const groupN = store.next.group++;
  store.addGroup({ n: groupN, name, parentN, childNs: [] });
  const [city, country] = 'groupN' in location ? [location.city, location.country] : location;
  const subnet = rng.chance(0.6) ? `10.${rng.int(0, 254)}.${rng.int(0, 254)}` : `192.168.${rng.int(0, 254)}`;
  return { groupN, name, city, country, publicIp: publicIp(rng), subnet, remote, hosts: 0 };
}

function clientNames(rng: Rng, count: number): [string, string, string, boolean][] {
  const combos: [string, string, string, boolean][] = [];
  for (const [word, code] of CLIENT_WORDS)
    for (const [kind, regulated] of CLIENT_KINDS) combos.push([`${word} ${kind}`, code, kind, regulated]);
  rng.shuffle(combos);
  const out: [string, string, string, boolean][] = [];
  for (let i = 0; i < count; i++) {
    const combo = combos[i % combos.length] as [string, string, string, boolean];
    const round = Math.floor(i / combos.length);
    out.push(round === 0 ? combo : [`${combo[0]} ${round + 1}`, combo[1], combo[2], combo[3]]);
  }
  return out;
}

function uniqueCode(base: string, kind: string, used: Set<string>): string {
  const initials = kind
    .replace(/[^A-Za-z ]/g, '')
    .split(' ')
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase();
  const candidates = [base, `${base}${initials}`];
  for (let i = 2; ; i++) {
    const candidate = candidates.shift() ?? `${base}${initials}${i}`;
    if (!used.has(candidate)) {
      used.add(candidate);
      return candidate;
    }
  }
}

/** Long-tailed client sizes (a few big clients, many small ones), summing exactly to `total`. */
function splitSizes(rng: Rng, total: number, count: number): number[] {
  const weights = Array.from({ length: count }, () => Math.exp(0.9 * rng.normal()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.floor((total * w) / sum));
  let remainder = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; remainder > 0; i = (i + 1) % count, remainder--) sizes[i] = (sizes[i] ?? 0) + 1;
  return sizes;
}
