import { badRequest } from '@/simulator/errors';

export type Body = Record<string, unknown>;

/** Handlers get the parsed JSON body; anything but an object (or no body) is a 400. */
export function asObject(body: unknown): Body {
  if (body === undefined) return {};
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('Request body must be a JSON object');
  return body as Body;
}

export function optionalString(body: Body, key: string): string | null | undefined {
  const value = body[key];
  if (value === undefined || value === null || typeof value === 'string') return value;
  throw badRequest(`${key} must be a string`);
}

export function requiredName(body: Body, key = 'name'): string {
  const value = body[key];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${key} is required`);
  return value.trim();
}

export function optionalBoolean(body: Body, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || typeof value === 'boolean') return value;
  throw badRequest(`${key} must be a boolean`);
}

export function deviceIdList(body: Body): string[] {
  const ids = body.device_ids;
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string')) {
    throw badRequest('device_ids must be a non-empty array of device ids');
  }
  return ids as string[];
}
