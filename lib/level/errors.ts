import 'server-only';

// Every failure talking to Level becomes one of these. The trap they avoid: an error that carries
// the request (headers → API key) or the response body (arbitrary upstream text) ends up in a log
// line or a JSON response. They hold only the method, the URL path, the status and short texts we
// wrote ourselves or scrubbed; the client never attaches the raw fetch error.

export type LevelErrorKind =
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'validation'
  | 'upstream'
  | 'invalid_response';

const KINDS: ReadonlySet<string> = new Set<LevelErrorKind>([
  'unauthorized',
  'forbidden',
  'not_found',
  'rate_limited',
  'validation',
  'upstream',
  'invalid_response',
]);

export interface LevelErrorContext {
  method: string;
  /** URL path (e.g. `/v2/devices/abc`), never the host, query secrets or headers. */
  path: string;
  status?: number;
}

export abstract class LevelApiError extends Error {
  abstract readonly kind: LevelErrorKind;
  readonly method: string;
  readonly path: string;
  readonly status?: number;

  constructor(message: string, context: LevelErrorContext) {
    super(message);
    this.method = context.method;
    this.path = context.path;
    if (context.status !== undefined) this.status = context.status;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      method: this.method,
      path: this.path,
      status: this.status,
      ...this.details(),
    };
  }

  protected details(): Record<string, unknown> {
    return {};
  }
}

export class LevelUnauthorizedError extends LevelApiError {
  override readonly name = 'LevelUnauthorizedError';
  readonly kind = 'unauthorized' as const;
  constructor(context: LevelErrorContext) {
    super('Level rejected the API key', context);
  }
}

export class LevelForbiddenError extends LevelApiError {
  override readonly name = 'LevelForbiddenError';
  readonly kind = 'forbidden' as const;
  constructor(context: LevelErrorContext) {
    super('Level refused the request (read-only API key, or an object outside the organisation)', context);
  }
}

export class LevelNotFoundError extends LevelApiError {
  override readonly name = 'LevelNotFoundError';
  readonly kind = 'not_found' as const;
  constructor(context: LevelErrorContext) {
    super('Level has no such object or endpoint', context);
  }
}

export class LevelRateLimitedError extends LevelApiError {
  override readonly name = 'LevelRateLimitedError';
  readonly kind = 'rate_limited' as const;
  readonly retryAfterMs: number;
  constructor(context: LevelErrorContext, retryAfterMs: number) {
    super(`Level rate limit reached; retry after ${Math.ceil(retryAfterMs / 1000)} s`, context);
    this.retryAfterMs = retryAfterMs;
  }
  protected override details(): Record<string, unknown> {
    return { retryAfterMs: this.retryAfterMs };
  }
}

export class LevelValidationError extends LevelApiError {
  override readonly name = 'LevelValidationError';
  readonly kind = 'validation' as const;
  /** Level's `error` string, scrubbed and shortened; null when the body had none. */
  readonly levelMessage: string | null;
  constructor(context: LevelErrorContext, levelMessage: string | null) {
    super(`Level rejected the request: ${levelMessage ?? `HTTP ${context.status ?? '?'}`}`, context);
    this.levelMessage = levelMessage;
  }
  protected override details(): Record<string, unknown> {
    return { levelMessage: this.levelMessage };
  }
}

export class LevelUpstreamError extends LevelApiError {
  override readonly name = 'LevelUpstreamError';
  readonly kind = 'upstream' as const;
  /** What went wrong, in our words: `timeout after 15000 ms`, `HTTP 502`, `network error (ECONNREFUSED)`. */
  override readonly cause: string;
  constructor(context: LevelErrorContext, cause: string) {
    super(`Level is unavailable: ${cause}`, context);
    this.cause = cause;
  }
  protected override details(): Record<string, unknown> {
    return { cause: this.cause };
  }
}

export class LevelInvalidResponseError extends LevelApiError {
  override readonly name = 'LevelInvalidResponseError';
  readonly kind = 'invalid_response' as const;
  /** Where the body broke the contract, e.g. `data[3].online: expected boolean`; never body content. */
  readonly issues: string[];
  constructor(context: LevelErrorContext, issues: string[]) {
    super(`Level sent an unexpected response (${summarise(issues)})`, context);
    this.issues = issues;
  }
  protected override details(): Record<string, unknown> {
    return { issues: this.issues };
  }
}

function summarise(issues: string[]): string {
  const shown = issues.slice(0, 3).join('; ');
  return issues.length > 3 ? `${shown}; +${issues.length - 3} more` : shown;
}

export function isLevelApiError(error: unknown): error is LevelApiError {
  if (error instanceof LevelApiError) return true;
  // Next bundles route handlers apart from instrumentation, where the shared client was created:
  // an error from it is an instance of another copy of these classes, so recognise it by shape.
  if (!(error instanceof Error)) return false;
  const { kind, method, path } = error as Partial<LevelApiError>;
  return (
    typeof kind === 'string' && KINDS.has(kind) && typeof method === 'string' && typeof path === 'string'
  );
}

/** One safe line for logs and UIs; anything that is not a LevelApiError is not echoed. */
export function describeLevelError(error: unknown): string {
  if (isLevelApiError(error)) {
    const status = error.status === undefined ? '' : ` ${error.status}`;
    return `${error.message} (${error.method} ${error.path}${status})`;
  }
  if (error instanceof Error && error.name === 'AbortError') return 'Level request cancelled';
  return 'Unexpected error while talking to Level';
}
