// Failures the core reports (fleet queries, admin actions). Each carries a message written to be
// shown to whoever asked, never upstream text or a stack, and a stable code the browser may test
// (`not_synced`, `level_read_only`). Which HTTP status each kind becomes is lib/api's business
// alone (lib/api/errors.ts).

export type DomainErrorKind =
  | 'not_found'
  | 'forbidden'
  | 'invalid_input'
  | 'conflict'
  | 'read_only_key'
  | 'level_rejected'
  | 'unavailable'
  | 'level_failed';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** No such object, or none this caller may see: the two must read the same. */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  constructor(message: string) {
    super('not_found', message);
  }
}

/** The caller may see the object but not do this to it (a scoped technician creating a tag). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** The input cannot be used as given (a malformed cursor, a group moved under itself). */
export class InvalidInputError extends DomainError {
  readonly kind = 'invalid_input';
  constructor(message: string) {
    super('bad_request', message);
  }
}

/** The request clashes with the current state: a duplicate name, no webhook, not the leader. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** Level refused a write because the API key may only read; nothing was changed. */
export class ReadOnlyKeyError extends DomainError {
  readonly kind = 'read_only_key';
  constructor(message: string) {
    super('level_read_only', message);
  }
}

/** Level found the input invalid; its own (scrubbed) words say why. */
export class LevelRejectedError extends DomainError {
  readonly kind = 'level_rejected';
  constructor(message: string) {
    super('level_rejected', message);
  }
}

/** Not possible right now, but later: before the first sync, or while Level's rate limit lasts. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(
    code: string,
    message: string,
    /** When known, how long to wait before asking again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(code, message);
  }
}

/** Level failed in a way the caller cannot fix here: the key rejected, Level down, half a bulk run. */
export class LevelFailedError extends DomainError {
  readonly kind = 'level_failed';
}
