import { formatEnvProblems, parseEnv } from '@/lib/config/env-schema';
import { describe, expect, it } from 'vitest';

describe('parseEnv', () => {
  it('applies the documented defaults to an empty environment (demo mode)', () => {
    const result = parseEnv({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.env.LEVEL_API_KEY).toBeUndefined();
    expect(result.env.LEVEL_API_URL).toBe('https://api.level.io/v2');
    expect(result.env.DATA_DIR).toBe('./data');
    expect(result.env.SYNC_INTERVAL_SECONDS).toBe(30);
    expect(result.env.PORT).toBe(3000);
    expect(result.env.LEVEL_APP_URL).toBe('https://app.level.io');
    expect(result.env.LEVEL_APP_DEVICE_PATH).toBe('/devices/{id}');
  });

  it('accepts a Level web app URL and device path, trailing slash trimmed', () => {
    const result = parseEnv({
      LEVEL_APP_URL: 'https://eu.app.level.io/',
      LEVEL_APP_DEVICE_PATH: '/d/{id}/overview',
    });
    expect(result.ok && [result.env.LEVEL_APP_URL, result.env.LEVEL_APP_DEVICE_PATH]).toEqual([
      'https://eu.app.level.io',
      '/d/{id}/overview',
    ]);
  });

  it('names LEVEL_APP_URL when it is not an http(s) URL', () => {
    expect(parseEnv({ LEVEL_APP_URL: 'app.level.io' })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^LEVEL_APP_URL must be an absolute URL/)],
    });
    const result = parseEnv({ LEVEL_APP_URL: 'javascript:alert(1)' });
    expect(result.ok ? [] : result.problems).toEqual(['LEVEL_APP_URL must use http:// or https://']);
  });

  it.each([
    ['devices/{id}', 'LEVEL_APP_DEVICE_PATH must start with / (for example /devices/{id})'],
    ['/devices/', 'LEVEL_APP_DEVICE_PATH must contain {id} exactly once'],
    ['/{id}/{id}', 'LEVEL_APP_DEVICE_PATH must contain {id} exactly once'],
    ['/devices/{id} x', 'LEVEL_APP_DEVICE_PATH must not contain spaces'],
    ['//evil.example/{id}', 'LEVEL_APP_DEVICE_PATH must be a path, not a host (set LEVEL_APP_URL)'],
  ])('names LEVEL_APP_DEVICE_PATH %j', (value, problem) => {
    const result = parseEnv({ LEVEL_APP_DEVICE_PATH: value });
    expect(result.ok ? [] : result.problems).toEqual([problem]);
  });

  it('names LEVEL_API_URL when it is not a URL', () => {
    const result = parseEnv({ LEVEL_API_URL: 'api.level.io/v2' });
    expect(result).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^LEVEL_API_URL must be an absolute URL/)],
    });
  });

  it('names LEVEL_API_URL when it uses another protocol', () => {
    const result = parseEnv({ LEVEL_API_URL: 'ftp://api.level.io/v2' });
    expect(result.ok ? [] : result.problems).toEqual(['LEVEL_API_URL must use http:// or https://']);
  });

  it('takes SMTP_URL and REPORT_FROM for client reports; names a bad SMTP_URL without echoing its password', () => {
    const good = parseEnv({
      SMTP_URL: 'smtps://reports:s3cret@mail.example.com:465',
      REPORT_FROM: 'reports@msp.example',
    });
    expect(good.ok && [good.env.SMTP_URL, good.env.REPORT_FROM]).toEqual([
      'smtps://reports:s3cret@mail.example.com:465',
      'reports@msp.example',
    ]);
    const unset = parseEnv({ SMTP_URL: ' ', REPORT_FROM: '' });
    expect(unset.ok && [unset.env.SMTP_URL, unset.env.REPORT_FROM]).toEqual([undefined, undefined]);
    const bad = parseEnv({ SMTP_URL: 'https://reports:s3cret@mail.example.com', REPORT_FROM: 'nobody' });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = formatEnvProblems(bad.problems);
    expect(text).toContain('SMTP_URL');
    expect(text).toContain('REPORT_FROM');
    expect(text).not.toContain('s3cret');
  });

  it('names a short SESSION_SECRET without echoing it', () => {
    const result = parseEnv({ SESSION_SECRET: 'too-short-secret' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(['SESSION_SECRET must be at least 32 characters long (value not shown)']);
    expect(formatEnvProblems(result.problems)).not.toContain('too-short-secret');
  });

  it('requires ADMIN_PASSWORD once a real key is configured', () => {
    const result = parseEnv({ LEVEL_API_KEY: 'abc' });
    expect(result.ok ? [] : result.problems).toEqual([
      'ADMIN_PASSWORD is required when LEVEL_API_KEY is set (only demo mode generates one) (value not shown)',
    ]);
  });

  it('rejects non-numeric and out-of-range numbers with the variable named', () => {
    const result = parseEnv({ SYNC_INTERVAL_SECONDS: 'soon', PORT: '70000' });
    expect(result.ok ? [] : result.problems).toEqual([
      'SYNC_INTERVAL_SECONDS must be a whole number',
      'PORT must be at most 65535',
    ]);
  });

  it('requires a shared SESSION_SECRET with PostgreSQL replicas', () => {
    const result = parseEnv({ DATABASE_URL: 'postgres://db/levelboard' });
    expect(result.ok ? [] : result.problems).toEqual([
      'SESSION_SECRET is required with DATABASE_URL (every replica must use the same one) (value not shown)',
    ]);
  });

  it('rejects a non-postgres DATABASE_URL', () => {
    const result = parseEnv({ DATABASE_URL: 'mysql://x' });
    expect(result.ok ? [] : result.problems[0]).toMatch(/^DATABASE_URL must be a postgres/);
  });

  it('treats blank values as unset and trims the trailing slash of the URL', () => {
    const result = parseEnv({ LEVEL_API_KEY: '  ', LEVEL_API_URL: 'http://127.0.0.1:4010/v2/' });
    expect(result.ok && result.env.LEVEL_API_KEY).toBeUndefined();
    expect(result.ok && result.env.LEVEL_API_URL).toBe('http://127.0.0.1:4010/v2');
  });

  it('names TRUST_PROXY when an entry is neither an address, a range nor a keyword', () => {
    const result = parseEnv({ TRUST_PROXY: '10.0.0.0/8, nginx' });
    expect(result.ok ? [] : result.problems).toEqual([
      'TRUST_PROXY "nginx" is not an IP address, a CIDR range (10.0.0.0/8) or one of loopback, private, linklocal',
    ]);
    expect(parseEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).ok).toBe(true);
  });

  it('keeps audit entries 400 days unless AUDIT_RETENTION_DAYS says otherwise', () => {
    const defaults = parseEnv({});
    expect(defaults.ok && defaults.env.AUDIT_RETENTION_DAYS).toBe(400);
    const result = parseEnv({ AUDIT_RETENTION_DAYS: '0' });
    expect(result.ok ? [] : result.problems).toEqual(['AUDIT_RETENTION_DAYS must be at least 1']);
  });
});
