// Markers for the scope-leak scan: strings that must not appear in what a share link receives.
// Matching is by whole words (runs of letters and digits, case-insensitive), so `ACME-LT-0001`
// is found inside `acme-lt-0001.acme.local` or `"ACME-LT-0001"` but not inside `ACME-LT-00012`.

export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Shared local accounts name nobody (and `ubuntu` is also an OS): only qualified forms count. */
const GENERIC_ACCOUNTS = new Set(['root', 'admin', 'administrator', 'ubuntu', 'user', 'guest', 'svc_backup']);

export interface Marker {
  /** What it is and whose, for the report: `hostname of out-of-scope device X`. */
  label: string;
  words: string[];
}

export class MarkerSet {
  private readonly byFirst = new Map<string, Marker[]>();
  size = 0;

  add(label: string, text: string | null | undefined, minLength = 3): void {
    if (!text || text.trim().length < minLength) return;
    const words = wordsOf(text);
    if (words.length === 0) return;
    const first = words[0] as string;
    const list = this.byFirst.get(first) ?? [];
    if (list.some((marker) => marker.words.join(' ') === words.join(' '))) return;
    list.push({ label, words });
    this.byFirst.set(first, list);
    this.size += 1;
  }

  /** Each marker found in `text` (once per marker). */
  scan(text: string): Marker[] {
    const words = wordsOf(text);
    const found = new Set<Marker>();
    words.forEach((word, index) => {
      for (const marker of this.byFirst.get(word) ?? []) {
        if (marker.words.every((part, offset) => words[index + offset] === part)) found.add(marker);
      }
    });
    return [...found];
  }

  /** Drops markers that legitimately occur in `allowed` (an in-scope nickname equal to one outside). */
  without(allowed: string): number {
    const dropped = this.scan(allowed);
    for (const marker of dropped) {
      const list = this.byFirst.get(marker.words[0] as string) ?? [];
      this.byFirst.set(
        marker.words[0] as string,
        list.filter((other) => other !== marker),
      );
      this.size -= 1;
    }
    return dropped.length;
  }
}

export interface DeviceTruth {
  id: string;
  hostname: string;
  nickname: string | null;
  lastLoggedInUser: string | null;
  serialNumber: string | null;
  groupId: string | null;
  groupPath: string[];
  clientName: string | null;
  tags: string[];
}

/** Every form a device's names take in free text: see simulator/alert-mentions.ts. */
export function addDeviceNames(markers: MarkerSet, device: DeviceTruth, whose: string): void {
  const host = device.hostname;
  markers.add(`hostname of ${whose} ${host}`, host);
  const label = host.split('.')[0] ?? host;
  const bare = label.replace(/[-_]/g, '');
  if (bare !== label && bare.length >= 6) markers.add(`dash-free name of ${whose} ${host}`, bare);
  if (label.length > 15) markers.add(`NetBIOS name of ${whose} ${host}`, label.slice(0, 15));
  markers.add(`nickname of ${whose} ${host}`, device.nickname, 4);
  const user = device.lastLoggedInUser;
  if (user) {
    const name = user.includes('\\') ? (user.split('\\').pop() ?? user) : (user.split('@')[0] ?? user);
    if (user !== name) markers.add(`user of ${whose} ${host}`, user);
    if (name.length >= 3 && !GENERIC_ACCOUNTS.has(name.toLowerCase())) {
      markers.add(`user name of ${whose} ${host}`, name);
    }
  }
  markers.add(`serial of ${whose} ${host}`, device.serialNumber, 4);
}
