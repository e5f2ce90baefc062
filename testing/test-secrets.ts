import { processWide } from '@/lib/process-wide';

/** The key vault seals under the session secret; unit tests give the process one. */
export function useTestSecrets(sessionSecret = 'a-session-secret-of-at-least-32-characters!') {
  Object.assign(
    processWide('secrets', () => ({ sessionSecret, adminPassword: 'unused-admin-password' })),
    { sessionSecret },
  );
}
