import { InvalidInputError } from '@/lib/domain/errors';

// Opaque to clients: the sort it belongs to, the last id served and its position. The id keeps
// paging stable while snapshots change; the position is the fallback when that item vanished.
interface Cursor {
  s: string;
  i: string;
  p: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(value: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidInputError('Invalid parameter "cursor": not a cursor returned by this API.');
  }
  const cursor = parsed as Partial<Cursor> | null;
  if (
    !cursor ||
    typeof cursor.s !== 'string' ||
    typeof cursor.i !== 'string' ||
    !Number.isInteger(cursor.p)
  ) {
    throw new InvalidInputError('Invalid parameter "cursor": not a cursor returned by this API.');
  }
  if (cursor.s !== sort)
    throw new InvalidInputError('Invalid parameter "cursor": it belongs to another sort order.');
  return cursor as Cursor;
}
