import { Buffer } from 'node:buffer';

// Level IDs are base64 (no padding) of GraphQL global IDs: `gid://level/<Type>/<n>`.
export const ID_TYPES = [
  'Device',
  'Group',
  'Alert',
  'Tag',
  'CustomField',
  'Update',
  'Automation',
  'AutomationWebhook',
  'AutomationRun',
] as const;

export type IdType = (typeof ID_TYPES)[number];

export interface DecodedId {
  type: IdType;
  n: number;
}

const GID = /^gid:\/\/level\/([A-Za-z]+)\/([1-9][0-9]{0,14})$/;
const BASE64 = /^[A-Za-z0-9_+/-]+={0,2}$/;

function isIdType(value: string): value is IdType {
  return (ID_TYPES as readonly string[]).includes(value);
}

export function encodeId(type: IdType, n: number): string {
  return Buffer.from(`gid://level/${type}/${n}`, 'utf8').toString('base64url');
}

export function decodeId(id: string): DecodedId | null {
  if (id.length === 0 || id.length > 200 || !BASE64.test(id)) return null;
  const match = GID.exec(Buffer.from(id, 'base64url').toString('utf8'));
  const type = match?.[1];
  const digits = match?.[2];
  if (type === undefined || digits === undefined || !isIdType(type)) return null;
  return { type, n: Number(digits) };
}

/** The numeric part when `id` is a well-formed ID of `type`, else null. */
export function idNumber(id: unknown, type: IdType): number | null {
  if (typeof id !== 'string') return null;
  const decoded = decodeId(id);
  return decoded !== null && decoded.type === type ? decoded.n : null;
}
