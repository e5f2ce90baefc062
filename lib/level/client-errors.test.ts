import { createLevelClient } from '@/lib/level/client';
import {
  describeLevelError,
  LevelForbiddenError,
  LevelNotFoundError,
  LevelUnauthorizedError,
  LevelValidationError,
} from '@/lib/level/errors';
import { encodeId, type RunningSimulator } from '@/simulator';
import {
  API_KEY,
  caught,
  expectNoViolations,
  expectSecretAbsent,
  READ_ONLY_KEY,
  routeCount,
  startTestSimulator,
  testClient,
} from '@/testing/simulator-fixture';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WRONG_KEY = 'wrong-key-d41d8cd98f00b204e980';

describe('error mapping against the simulator', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startTestSimulator(120);
  });
  afterAll(async () => {
    await expectNoViolations(sim);
    await sim.close();
  });

  it('a wrong key is `unauthorized`, not retried, and the key appears nowhere in the error or the logs', async () => {
    const lines: string[] = [];
    const log = (obj: object, msg: string) => void lines.push(JSON.stringify(obj) + msg);
    const client = createLevelClient({
      baseUrl: sim.url,
      apiKey: WRONG_KEY,
      logger: { debug: log, info: log, warn: log },
    });
    const before = sim.stats().requests.rejectedAuth;
    const error = await caught(client.devices.listAll());
    expect(error).toBeInstanceOf(LevelUnauthorizedError);
    const e = error as LevelUnauthorizedError;
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toBe('Level rejected the API key');
    expect(e.status).toBe(401);
    expect(e.method).toBe('GET');
    expect(e.path).toBe('/v2/devices');
    expect(sim.stats().requests.rejectedAuth - before).toBe(1);
    expectSecretAbsent(error, WRONG_KEY);
    expect(describeLevelError(error)).not.toContain(WRONG_KEY);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(WRONG_KEY);
  });

  it('a read-only key can read but a write is `forbidden`', async () => {
    const client = createLevelClient({ baseUrl: sim.url, apiKey: READ_ONLY_KEY });
    expect((await client.tags.listAll()).length).toBeGreaterThan(0);
    const error = await caught(client.tags.create('read-only attempt'));
    expect(error).toBeInstanceOf(LevelForbiddenError);
    expect((error as LevelForbiddenError).kind).toBe('forbidden');
    expect((error as LevelForbiddenError).status).toBe(403);
    expectSecretAbsent(error, READ_ONLY_KEY);
  });

  it('an unknown object is `not_found`, with the path but never the key', async () => {
    const client = testClient(sim);
    const missing = encodeId('Device', 987_654_321);
    const error = await caught(client.devices.get(missing));
    expect(error).toBeInstanceOf(LevelNotFoundError);
    expect((error as LevelNotFoundError).kind).toBe('not_found');
    expect((error as LevelNotFoundError).path).toBe(`/v2/devices/${missing}`);
    expectSecretAbsent(error, API_KEY);
  });

  it('a rejected write is `validation` and carries Level’s message', async () => {
    const client = testClient(sim);
    const [existing] = await client.tags.listAll();
    if (!existing) throw new Error('fixture has no tags');
    const before = routeCount(sim, 'POST /v2/tags');
    const error = await caught(client.tags.create(existing.name));
    expect(error).toBeInstanceOf(LevelValidationError);
    const e = error as LevelValidationError;
    expect(e.kind).toBe('validation');
    expect(e.status).toBe(422);
    expect(e.levelMessage).toEqual(expect.any(String));
    expect(e.message).toContain(e.levelMessage ?? '');
    expect(routeCount(sim, 'POST /v2/tags') - before).toBe(1);
    expectSecretAbsent(error, API_KEY);
  });

  it('refuses a key that cannot travel in a header without quoting it', () => {
    const bad = 'line1-SECRET\nline2';
    let message = '';
    try {
      createLevelClient({ baseUrl: sim.url, apiKey: bad });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('Level API key');
    expect(message).not.toContain('SECRET');
  });

  it('does not expose the key on the client object', () => {
    const client = testClient(sim);
    expect(JSON.stringify(client)).not.toContain(API_KEY);
  });
});

describe('isLevelApiError across bundles', () => {
  it('recognises an error from another copy of the classes by its shape, and nothing else', async () => {
    const { isLevelApiError } = await import('@/lib/level/errors');
    class OtherCopy extends Error {
      readonly kind = 'forbidden';
      readonly method = 'PATCH';
      readonly path = '/v2/devices/x';
    }
    expect(isLevelApiError(new OtherCopy('refused'))).toBe(true);
    expect(
      isLevelApiError(Object.assign(new Error('x'), { kind: 'nonsense', method: 'GET', path: '/' })),
    ).toBe(false);
    expect(isLevelApiError({ kind: 'forbidden', method: 'GET', path: '/' })).toBe(false);
  });
});
