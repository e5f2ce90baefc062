// How every browser we drive starts (Playwright's e2e, the UI benchmark, the wall soak): the
// system Chromium (scripts/lib/chromium.mjs finds or installs it), headless on a box without a
// GPU, a roomy /dev/shm or the internet. Any host other than loopback resolves to nothing, so a
// page cannot quietly reach out.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];
