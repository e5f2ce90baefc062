import type { DeviceRecord } from '@/simulator/types';

// Real alert texts name their device and user in whatever form the check wrote: the exact
// hostname, lower or upper case, the FQDN, the NetBIOS/short name, CORP\user, user@corp.local or
// the bare account. The seed does the same, so redaction and scope tests meet every form.

export const HOST_FORMS = ['exact', 'lower', 'upper', 'fqdn', 'short'] as const;
export const USER_FORMS = ['domain', 'upn', 'bare'] as const;

/** The DNS domain a device would sit in: its user's Windows domain, else its name's prefix. */
export function dnsDomain(device: Pick<DeviceRecord, 'hostname' | 'user'>): string {
  const fromUser = device.user?.includes('\\') ? device.user.split('\\')[0] : undefined;
  const fromHost = device.hostname.split('-')[0];
  return `${(fromUser || fromHost || 'corp').toLowerCase()}.local`;
}

/** NetBIOS (15 characters, upper case) for long names, else the dash-free upper-case name. */
export function shortName(hostname: string): string {
  const label = hostname.split('.')[0] ?? hostname;
  return (label.length > 15 ? label.slice(0, 15) : label.replace(/-/g, '')).toUpperCase();
}

export function hostForm(device: Pick<DeviceRecord, 'hostname' | 'user'>, form: (typeof HOST_FORMS)[number]) {
  const host = device.hostname;
  switch (form) {
    case 'exact':
      return host;
    case 'lower':
      return host.toLowerCase();
    case 'upper':
      return host.toUpperCase();
    case 'fqdn':
      return `${host.toLowerCase()}.${dnsDomain(device)}`;
    case 'short':
      return shortName(host);
  }
}

export function userForm(device: Pick<DeviceRecord, 'hostname' | 'user'>, form: (typeof USER_FORMS)[number]) {
  if (!device.user) return null;
  const slash = device.user.lastIndexOf('\\');
  const name = slash >= 0 ? device.user.slice(slash + 1) : device.user;
  const domain = dnsDomain(device);
  switch (form) {
    case 'domain':
      return slash >= 0 ? device.user : `${domain.split('.')[0]?.toUpperCase()}\\${name}`;
    case 'upn':
      return `${name}@${domain}`;
    case 'bare':
      return name;
  }
}

// Not the generator's rng: drawing from it would shift every later choice of existing seeds.
function mix(text: string, n: number): number {
  let hash = n >>> 0;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The sentence an alert adds about its device, and a payload with the same in other forms. */
export function mentions(
  device: Pick<DeviceRecord, 'hostname' | 'user' | 'n'>,
  alertName: string,
  startedMs: number,
): { sentence: string; payload: string; nameSuffix: string } {
  const roll = mix(alertName, device.n * 31 + Math.floor(startedMs / 60_000));
  const host = hostForm(device, HOST_FORMS[roll % HOST_FORMS.length] ?? 'exact');
  const user = userForm(device, USER_FORMS[(roll >>> 8) % USER_FORMS.length] ?? 'bare');
  const sentence = user ? ` on ${host} (signed in: ${user})` : ` on ${host}`;
  const payload = JSON.stringify({
    host: hostForm(device, HOST_FORMS[(roll >>> 16) % HOST_FORMS.length] ?? 'fqdn'),
    user: userForm(device, USER_FORMS[(roll >>> 20) % USER_FORMS.length] ?? 'domain'),
  });
  // One alert in four also carries a host form in its name ("Backup failed on acme-srv-fs01").
  const nameSuffix =
    (roll >>> 24) % 4 === 0
      ? ` on ${hostForm(device, HOST_FORMS[(roll >>> 26) % HOST_FORMS.length] ?? 'lower')}`
      : '';
  return { sentence, payload, nameSuffix };
}
