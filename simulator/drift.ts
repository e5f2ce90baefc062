import type { Drift } from '@/simulator/faults';
import type { Json, JsonObject } from '@/simulator/types';

/** Optional (nullable or late-added) fields a tolerant client must survive losing. */
const OPTIONAL_FIELDS = new Set([
  'nickname',
  'last_seen_at',
  'group_name',
  'security_score',
  'flag',
  'notes',
  'public_ip_address',
  'private_ip_addresses',
  'payload',
  'custom_fields',
]);

/** Schema drift on a response body, applied recursively to every object including the envelope. */
export function applyDrift(body: Json, drift: Drift): Json {
  if (drift === 'none') return body;
  const walk = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value)) {
      if (drift === 'missing' && OPTIONAL_FIELDS.has(key)) continue;
      out[key] = walk(child);
    }
    if (drift === 'extra') {
      out.new_field_2027 = { introduced_in: 'v2.7', flags: ['beta'], weight: 0.5 };
      out.x_internal_rev = 42;
    }
    return out;
  };
  return walk(body);
}
