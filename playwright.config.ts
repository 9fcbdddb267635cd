import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs } from './scripts/chromium-args.mjs';
import { subBase } from './e2e/subpath/base';

/**
 * End-to-end tests against the built site (`dist/`, served by scripts/serve.mjs), in the system
 * Chromium (Playwright cannot download browsers here). `npm run test:e2e` builds first.
 */
const executablePath = process.env.PW_CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  throw new Error(
    `No Chromium at ${executablePath}. Install the Debian package "chromium" (and "fonts-noto-cjk" for Chinese text): ` +
      'sudo apt-get install chromium fonts-noto-cjk — or point PW_CHROMIUM at a Chromium executable. ' +
      '(Playwright cannot download its own browsers here.)',
  );
}
const port = Number(process.env.E2E_PORT ?? 4321);
/**
 * The sub-path deploy check: a second build (`npm run build:sub` → `dist-sub/`, made for
 * `subBase`) served under that path on its own port, with nothing at the root, so a link that
 * forgot the base fails. Its specs live in `e2e/subpath/` and take relative paths (`zh/intro/`).
 */
const subPort = Number(process.env.E2E_SUB_PORT ?? port + 1000);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'off',
    ...devices['Desktop Chrome'],
    // The service worker precaches the whole site on a first visit; a spec that tests offline use
    // turns it on (`test.use({ serviceWorkers: 'allow' })`), the others leave the network plain.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: chromiumArgs,
    },
  },
  projects: [
    { name: 'site', testIgnore: /subpath\// },
    { name: 'subpath', testMatch: /subpath\/.*\.spec\.ts$/, use: { baseURL: `http://localhost:${subPort}${subBase}` } },
  ],
  webServer: [
    {
      command: 'node scripts/serve.mjs',
      url: `http://localhost:${port}/`,
      env: { PORT: String(port) },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
    {
      command: 'node scripts/serve.mjs',
      // Ready when it listens: it answers 503 until `npm run build:sub` has made dist-sub/.
      port: subPort,
      env: { PORT: String(subPort), NB_OUT_DIR: 'dist-sub', BASE_PATH: subBase },
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
