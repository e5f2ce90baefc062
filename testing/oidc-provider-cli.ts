import { startTestProvider } from './oidc-provider';

// The test provider in a process of its own, for what cannot share the test runner's process: a
// provider whose clock is wrong (CLOCK_OFFSET_SECONDS), so that the ID tokens it signs are already
// expired by the relying party's clock. Options come as JSON in OIDC_TEST_PROVIDER; the issuer is
// printed as one JSON line once it listens.
//
//   OIDC_TEST_PROVIDER='{"redirectUris":["http://127.0.0.1:3000/api/auth/oidc/callback"]}' \
//   CLOCK_OFFSET_SECONDS=-7200 node --import tsx testing/oidc-provider-cli.ts

const offsetMs = Number(process.env.CLOCK_OFFSET_SECONDS ?? 0) * 1000;
if (offsetMs) {
  const realNow = Date.now.bind(Date);
  // oidc-provider stamps iat and exp from Date.now().
  Date.now = () => realNow() + offsetMs;
}

void startTestProvider(JSON.parse(process.env.OIDC_TEST_PROVIDER ?? '{}')).then((provider) => {
  process.stdout.write(`${JSON.stringify({ issuer: provider.issuer })}\n`);
  process.on('SIGTERM', () => void provider.close().then(() => process.exit(0)));
});
