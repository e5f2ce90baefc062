import type { IncludeFlags } from '@/simulator/device-detail';
import { badRequest } from '@/simulator/errors';

/** Query booleans arrive as strings; only `true`/`1` switch a flag on. */
export const flag = (query: URLSearchParams, name: string): boolean => {
  const value = query.get(name)?.toLowerCase();
  return value === 'true' || value === '1';
};

export function includeFlags(query: URLSearchParams): IncludeFlags | undefined {
  const flags: IncludeFlags = {
    operatingSystem: flag(query, 'include_operating_system'),
    cpus: flag(query, 'include_cpus'),
    memory: flag(query, 'include_memory'),
    disks: flag(query, 'include_disks'),
    networkInterfaces: flag(query, 'include_network_interfaces'),
    motherboard: flag(query, 'include_motherboard'),
    security: flag(query, 'include_security'),
  };
  return Object.values(flags).some(Boolean) ? flags : undefined;
}

export function oneOf<T extends string>(
  query: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | null {
  const value = query.get(name);
  if (value === null) return null;
  if (!(allowed as readonly string[]).includes(value))
    throw badRequest(`${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}
