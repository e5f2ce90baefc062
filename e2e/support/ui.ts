import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

// Shared by the dashboard specs: read what the API says, then check the page says the same.

export interface DeviceRow {
  id: string;
  hostname: string;
  displayName: string;
  status: 'online' | 'offline' | 'maintenance';
  platform: string | null;
  role: string | null;
  groupId: string | null;
  clientId: string | null;
  tags: string[];
  activeAlerts: number;
  worstSeverity: string | null;
}

export interface DevicePage {
  data: DeviceRow[];
  total: number;
  nextCursor: string | null;
}

export async function apiJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.ok(), `${url} → ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

/** Every device matching `params` (the API's own query string), following the cursor. */
export async function allDevices(request: APIRequestContext, params: string): Promise<DeviceRow[]> {
  const rows: DeviceRow[] = [];
  let cursor: string | null = null;
  do {
    const search = new URLSearchParams(params);
    search.set('limit', '500');
    if (cursor) search.set('cursor', cursor);
    const page: DevicePage = await apiJson<DevicePage>(request, `/api/devices?${search}`);
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

export const deviceTable = (page: Page) => page.getByTestId('device-table');

/** Waits until the table shows the answer to the current filters (not the previous rows). */
export async function tableReady(page: Page, paramsContain?: string): Promise<Locator> {
  const table = deviceTable(page);
  await expect(table).toHaveAttribute('data-state', 'ready');
  if (paramsContain) await expect(table).toHaveAttribute('data-params', new RegExp(escape(paramsContain)));
  return table;
}

export async function tableTotal(page: Page): Promise<number> {
  return Number(await deviceTable(page).getAttribute('data-total'));
}

export async function visibleDeviceIds(page: Page): Promise<string[]> {
  const rows = page.getByTestId('device-row');
  const entries = await rows.evaluateAll((elements) =>
    elements.map((element) => ({
      index: Number(element.getAttribute('data-row-index')),
      id: element.getAttribute('data-device-id') ?? '',
    })),
  );
  return entries.sort((a, b) => a.index - b.index).map((entry) => entry.id);
}

export const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** RFC 4180 parsing, enough for the export (quoted cells, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\ufeff/, '');
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}
