import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// End-to-end tests: the built demo and fixture pages, served with the real local identity server,
// driven in Chromium as a person would (roles and labels).
export default defineConfig({
  testDir: 'test/e2e',
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? 'list' : [['list']],
  use: {
    launchOptions: await chromiumLaunchOptions(),
    trace: 'off',
  },
});
