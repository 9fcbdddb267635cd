// Flags for the system Chromium in tests and scripts: headless, no sandbox (root in CI), and no
// background traffic — this machine reaches no network besides its package registries.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
];
