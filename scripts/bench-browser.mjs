/* global document */
// Browser figures for the CDN bundle on the legacy widget's README page: time from navigation to a
// usable "Log in" button, in Chromium with 4x CPU throttling, median of cold runs.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';
import { startIdentityServer } from '../dist/server/index.js';
import { chromiumLaunchOptions } from './chromium.mjs';

const RUNS = 7;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** ms from navigation start until the menu's "Log in" button is rendered and clickable. */
async function timeToLoginButton(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const button = document
        .querySelector('netlify-identity-menu')
        ?.shadowRoot?.querySelector('[part="login-button"]');
      return button && !button.disabled ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  const ms = await handle.jsonValue();
  await context.close();
  return ms;
}

export async function benchBrowser() {
  const site = mkdtempSync(join(tmpdir(), 'bench-site-'));
  cpSync('test/e2e/pages', site, { recursive: true });
  cpSync('dist/cdn/netlify-identity.js', join(site, 'netlify-identity.js'));
  const server = await startIdentityServer({ root: site, quiet: true });
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    const times = [];
    for (let run = 0; run < RUNS; run++) times.push(await timeToLoginButton(browser, server.url));
    return [
      {
        name: `CDN page: navigation to a usable "Log in" button (4x CPU throttling, median of ${RUNS} cold runs)`,
        value: Math.round(median(times)),
        unit: 'ms',
      },
    ];
  } finally {
    await browser.close();
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
}
