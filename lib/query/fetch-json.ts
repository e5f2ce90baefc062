// Browser-side fetch for Levelboard's own API; turns `{ error: { message } }` bodies into readable errors.

export class LevelboardApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { Accept: 'application/json', ...init?.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new LevelboardApiError(
      response.status,
      body?.error?.code ?? 'http_error',
      body?.error?.message ?? `Levelboard answered ${response.status}`,
    );
  }
  return (await response.json()) as T;
}

/** For routes that may not exist yet on this server (history): 404 is an answer, not an error. */
export async function fetchOptionalJson<T>(url: string, init?: RequestInit): Promise<T | null> {
  try {
    return await fetchJson<T>(url, init);
  } catch (error) {
    if (error instanceof LevelboardApiError && error.status === 404) return null;
    throw error;
  }
}
