// Free-text scrubbing for "hide hostnames and users" links. Alert texts, notes and change events
// are written by Level, scripts and people: they name a device in whatever case and form came to
// hand (ACME-LT-0001, acme-lt-0001.acme.local, ACMELT0001) and its user as CORP\jason,
// jason@corp.local or plain jason. Every one of those forms must go, or a redacted link leaks.

/** What a redacted link hides about one device. */
export interface HiddenNames {
  hostname: string | null;
  nickname?: string | null;
  user: string | null;
  serialNumber?: string | null;
  /** Other names the device went by (an alert's own copy of the hostname, an older name). */
  aliases?: readonly (string | null)[];
}

export const HIDDEN_USER = '[user]';
export const HIDDEN_SERIAL = '[serial]';

/**
 * Shared local accounts name nobody (and "ubuntu" is also an OS name): their bare form is kept,
 * their domain-qualified forms are still scrubbed.
 */
const GENERIC_ACCOUNTS = new Set([
  'root',
  'admin',
  'administrator',
  'ubuntu',
  'user',
  'guest',
  'system',
  'localadmin',
]);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MIN_FORM = 3;

/** The spellings of a hostname worth hiding: itself, its first label, NetBIOS and dash-free forms. */
export function hostForms(hostname: string): string[] {
  const forms = new Set<string>([hostname]);
  const label = hostname.split('.')[0] ?? hostname;
  forms.add(label);
  // Windows reports the NetBIOS name: at most 15 characters.
  if (label.length > 15) forms.add(label.slice(0, 15));
  const bare = label.replace(/[-_]/g, '');
  if (bare !== label && bare.length >= 6) forms.add(bare);
  return [...forms].filter((form) => form.length >= MIN_FORM);
}

/** `CORP\jason` → { domain: CORP, name: jason }; `jason@corp.local` and `jason` likewise. */
export function splitUser(user: string): { domain: string | null; name: string } {
  const slash = user.lastIndexOf('\\');
  if (slash >= 0) return { domain: user.slice(0, slash) || null, name: user.slice(slash + 1) };
  const at = user.indexOf('@');
  if (at > 0) return { domain: user.slice(at + 1) || null, name: user.slice(0, at) };
  return { domain: null, name: user };
}

export type Scrub = (text: string) => string;

const identity: Scrub = (text) => text;

function build(names: HiddenNames, pseudonym: string): Scrub {
  // Longest first, so a FQDN or qualified user is replaced whole rather than in pieces.
  const parts: { source: string; replacement: string; length: number }[] = [];
  const hosts = [names.hostname, names.nickname, ...(names.aliases ?? [])].filter(
    (name): name is string => !!name?.trim(),
  );
  for (const host of hosts) {
    for (const form of hostForms(host.trim())) {
      // A trailing `.domain.tld` belongs to the name (FQDN); a sentence's full stop does not.
      parts.push({
        source: `${escape(form)}(?:\\.[a-z0-9-]+)*`,
        replacement: pseudonym,
        length: form.length,
      });
    }
  }
  if (names.user?.trim()) {
    const { name } = splitUser(names.user.trim());
    if (name.length > 0) {
      const user = escape(name);
      // Any domain in front (CORP\jason, corp.local/jason) or behind (jason@corp.local).
      parts.push({ source: `[\\w.-]*[\\\\/]${user}(?![\\w-])`, replacement: HIDDEN_USER, length: 1000 });
      parts.push({
        source: `(?<![\\w.-])${user}@[\\w-]+(?:\\.[\\w-]+)*`,
        replacement: HIDDEN_USER,
        length: 999,
      });
      if (name.length >= MIN_FORM && !GENERIC_ACCOUNTS.has(name.toLowerCase())) {
        parts.push({ source: `(?<![\\w])${user}(?![\\w])`, replacement: HIDDEN_USER, length: name.length });
      }
    }
  }
  const serial = names.serialNumber?.trim();
  if (serial && serial.length >= 4) {
    parts.push({ source: escape(serial), replacement: HIDDEN_SERIAL, length: serial.length });
  }
  if (parts.length === 0) return identity;
  parts.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(parts.map((part) => `(${part.source})`).join('|'), 'giu');
  const replacements = parts.map((part) => part.replacement);
  return (text) =>
    text.replace(pattern, (...match: unknown[]) => {
      const groups = match.slice(1, 1 + replacements.length);
      const index = groups.findIndex((group) => group !== undefined);
      return replacements[index] ?? pseudonym;
    });
}

// Scrubbers are regexes compiled per device; lists reuse them across rows and polls.
const MAX_CACHED = 20_000;
const scrubbers = new Map<string, Scrub>();

export function scrubberFor(names: HiddenNames, pseudonym: string): Scrub {
  const key = [
    names.hostname,
    names.nickname,
    names.user,
    names.serialNumber,
    pseudonym,
    ...(names.aliases ?? []),
  ].join('\u0000');
  let scrub = scrubbers.get(key);
  if (!scrub) {
    if (scrubbers.size >= MAX_CACHED) scrubbers.clear();
    scrub = build(names, pseudonym);
    scrubbers.set(key, scrub);
  }
  return scrub;
}

export function scrubNullable(scrub: Scrub, text: string | null): string | null {
  return text === null ? null : scrub(text);
}
