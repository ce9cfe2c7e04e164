import { defineConfig } from '@playwright/test';
import { selectedEngines } from './scripts/browsers.mjs';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// End-to-end tests: the built demo and fixture pages, served with the real local identity server,
// driven as a person would (roles and labels). The whole suite runs in Chromium; a smoke of the
// first flows (engines.spec.ts) also runs in the system's Firefox and WebKit, which Playwright
// cannot drive: that spec brings its own drivers. TEST_BROWSERS picks engines, as for wtr.
const SMOKE = /engines\.spec\.ts$/;
const engines = selectedEngines();

export default defineConfig({
  testDir: 'test/e2e',
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  // Screenshot baselines (Chromium on Debian) keep one name whatever the projects are called.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  timeout: 30_000,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    launchOptions: engines.includes('chromium') ? await chromiumLaunchOptions() : {},
    trace: 'off',
  },
  projects: [
    { name: 'chromium', testIgnore: SMOKE },
    { name: 'firefox', testMatch: SMOKE, timeout: 60_000 },
    { name: 'webkit', testMatch: SMOKE, timeout: 60_000 },
  ].filter((project) => engines.includes(project.name)),
});
