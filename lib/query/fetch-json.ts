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
