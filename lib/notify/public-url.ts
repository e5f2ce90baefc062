import { getEnv } from '@/lib/env';
import 'server-only';

/** The base of every link in a message (no trailing slash). */
export function publicUrl(): string {
  const env = getEnv();
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

/** Whether links in messages point somewhere people can reach (PUBLIC_URL is set). */
export const publicUrlConfigured = () => getEnv().PUBLIC_URL !== undefined;
