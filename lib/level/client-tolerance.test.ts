import { createLevelClient } from '@/lib/level';
import { LevelInvalidResponseError, LevelUpstreamError } from '@/lib/level/errors';
import { describe, expect, it } from 'vitest';

// Where no trace pins Level's answer (the automation lists' envelope, the trigger's answer, the
// activity log's very existence), the client accepts every plausible shape and invents nothing.

type Answer = { status?: number; body: unknown };

/** A Level that answers each request with the next canned answer for its path. */
function levelAnswering(answers: Record<string, Answer[]>) {
  const asked: URL[] = [];
  const fetch: typeof globalThis.fetch = async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    asked.push(url);
    const path = url.pathname.replace(/^\/v2/, '');
    const queue = answers[path.startsWith('/automations/webhooks/') ? '/automations/webhooks/:token' : path];
    const answer = queue?.shift() ?? { status: 404, body: { error: 'Not found' } };
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  const warnings: string[] = [];
  const client = createLevelClient({
    baseUrl: 'http://level.test/v2',
    apiKey: 'tolerance-key-0123456789',
    maxRetries: 0,
    fetch,
    logger: { debug: () => {}, info: () => {}, warn: (_obj, msg) => warnings.push(msg) },
  });
  return { client, asked, warnings };
}

const automation = (n: number) => ({ id: `auto-${n}`, name: `Automation ${n}` });
const automations = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => automation(from + i));
const webhook = (n: number) => ({ url: `https://hooks.level.test/${n}`, automation_id: `auto-${n}` });

describe('/v2/automations without has_more', () => {
  it('takes a bare array as the whole list when it is short', async () => {
    const level = levelAnswering({ '/automations': [{ body: automations(1, 3) }] });
    expect((await level.client.automations.listAll()).map((a) => a.id)).toEqual([
      'auto-1',
      'auto-2',
      'auto-3',
    ]);
    expect(level.asked).toHaveLength(1);
  });

  it('asks for another page after a full page without has_more, and stops on a short one', async () => {
    const level = levelAnswering({
      '/automations': [{ body: { data: automations(1, 100) } }, { body: { data: automations(101, 20) } }],
    });
    expect(await level.client.automations.listAll()).toHaveLength(120);
    expect(level.asked.map((url) => url.searchParams.get('starting_after'))).toEqual([null, 'auto-100']);
  });

  it('stops when Level ignores the cursor and sends the same full page again', async () => {
    const level = levelAnswering({
      '/automations': [{ body: automations(1, 100) }, { body: automations(1, 100) }],
    });
    expect(await level.client.automations.listAll()).toHaveLength(100);
    expect(level.asked).toHaveLength(2);
  });

  it('still follows has_more when Level sends it', async () => {
    const level = levelAnswering({
      '/automations': [
        { body: { data: automations(1, 2), has_more: true } },
        { body: { data: automations(3, 1), has_more: false } },
      ],
    });
    expect(await level.client.automations.listAll()).toHaveLength(3);
  });

  it('keeps the device list strict: a missing has_more there is an invalid answer, not the end', async () => {
    const level = levelAnswering({ '/devices': [{ body: { data: [] } }] });
    await expect(level.client.devices.listAll()).rejects.toBeInstanceOf(LevelInvalidResponseError);
  });
});

describe('/v2/automations/webhooks without has_more', () => {
  it('accepts a bare array', async () => {
    const level = levelAnswering({ '/automations/webhooks': [{ body: [webhook(1), webhook(2)] }] });
    expect(await level.client.automations.webhooks()).toHaveLength(2);
  });

  it('continues after a full envelope page without has_more, after the last automation_id', async () => {
    const full = Array.from({ length: 100 }, (_, i) => webhook(i + 1));
    const level = levelAnswering({
      '/automations/webhooks': [{ body: { data: full } }, { body: { data: [webhook(101)] } }],
    });
    expect(await level.client.automations.webhooks()).toHaveLength(101);
    expect(level.asked.at(-1)?.searchParams.get('starting_after')).toBe('auto-100');
  });

  it('stops when a full bare array comes back unchanged (no paging at all)', async () => {
    const full = Array.from({ length: 100 }, (_, i) => webhook(i + 1));
    const level = levelAnswering({ '/automations/webhooks': [{ body: full }, { body: full }] });
    expect(await level.client.automations.webhooks()).toHaveLength(100);
    expect(level.asked).toHaveLength(2);
  });
});

describe('the automation trigger’s undocumented answer', () => {
  it.each([
    [{}, []],
    [{ status: 'queued' }, []],
    [{ run: { id: 'r-1' } }, []],
    [{ automation_run_id: 'r-1', extra: true }, ['r-1']],
    [{ automation_run_ids: ['r-1', 'r-2', 3] }, ['r-1', 'r-2']],
    [['r-1'], []],
  ])('keeps %j as it came and names only run ids Level named: %j', async (body, runIds) => {
    const level = levelAnswering({ '/automations/webhooks/:token': [{ body }] });
    const result = await level.client.automations.trigger('token-0123456789');
    expect(result.runIds).toEqual(runIds);
    expect(result.response).toEqual(body);
  });
});

describe('/v2/activities', () => {
  it.each([400, 403, 404])(
    'turns the feature off after a %i, with one log line and no further request',
    async (status) => {
      const level = levelAnswering({ '/activities': [{ status, body: { error: 'nope' } }] });
      expect(await level.client.activities.listAll()).toBeNull();
      expect(await level.client.activities.listAll()).toBeNull();
      expect(level.asked).toHaveLength(1);
      expect(level.warnings.filter((w) => w.includes('/v2/activities'))).toHaveLength(1);
      expect(level.client.activities.unavailable()).toEqual({ status });
    },
  );

  it('still fails on other errors (a 500 is not "no activity log")', async () => {
    const level = levelAnswering({ '/activities': [{ status: 500, body: { error: 'boom' } }] });
    await expect(level.client.activities.listAll()).rejects.toBeInstanceOf(LevelUpstreamError);
    expect(level.client.activities.unavailable()).toBeNull();
  });

  it('lists activities as Level sent them', async () => {
    const level = levelAnswering({ '/activities': [{ body: { data: [{ id: 'a-1', kind: 'login' }] } }] });
    expect(await level.client.activities.listAll()).toEqual([
      { id: 'a-1', fields: { id: 'a-1', kind: 'login' } },
    ]);
  });
});
