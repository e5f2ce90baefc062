import { headers } from 'next/headers';
import 'server-only';

/** This request's CSP nonce (set by proxy.ts), for our own inline scripts. Makes the page dynamic. */
export async function scriptNonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}
