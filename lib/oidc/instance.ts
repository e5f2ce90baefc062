import { startPersonSession } from '@/lib/auth/person-sessions';
import { secrets } from '@/lib/auth/secrets';
import { secureCookies } from '@/lib/auth/session';
import { getStore } from '@/lib/db/instance';
import { fleetService } from '@/lib/fleet/instance';
import { OidcConfigSource, oidcFromEnv } from '@/lib/oidc/config';
import { OidcFlow } from '@/lib/oidc/flow';
import { processWide } from '@/lib/process-wide';
import { usersChanged } from '@/lib/users/directory';
import 'server-only';

// The process's one OIDC configuration source and flow (one discovery cache per process).

interface OidcRuntime {
  config: OidcConfigSource;
  flow: OidcFlow;
}

declare module '@/lib/process-wide' {
  interface ProcessWide {
    oidc: Promise<OidcRuntime>;
  }
}

export function oidcRuntime(): Promise<OidcRuntime> {
  return processWide('oidc', async () => {
    const store = await getStore();
    const config = new OidcConfigSource(store, oidcFromEnv());
    const flow = new OidcFlow({
      store,
      config: () => config.current(),
      groups: () => fleetService().current()?.groupNodes ?? null,
      startSession: startPersonSession,
      usersChanged,
      sealPassword: () => secrets().sessionSecret,
      secureCookies,
    });
    return { config, flow };
  });
}

/** For the login page: the button's provider name, or null when OIDC is not configured. */
export async function oidcSignInName(): Promise<string | null> {
  const config = await (await oidcRuntime()).config.current();
  return config ? config.providerName : null;
}
