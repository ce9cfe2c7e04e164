/* global document, window, requestAnimationFrame, getComputedStyle */
// Our CDN page against the legacy netlify-identity-widget page: same markup (the legacy widget's
// README example), same local server, Chromium with 4x CPU throttling, cold contexts, interleaved.
// A third page with the same markup and a plain "Log in" button but no widget is the baseline: what
// a widget adds is its time beyond that page's.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { startIdentityServer } from '../dist/server/index.js';
import { chromiumLaunchOptions } from './chromium.mjs';

const RUNS = 11;
const LEGACY_SCRIPT = 'node_modules/netlify-identity-widget/build/netlify-identity-widget.js';
const OURS_SCRIPT = 'dist/cdn/netlify-identity.js';
const OURS_FOLDER = 'dist/cdn';
/** The median of the runs; NaN (never happened) sorts last, so it wins only in most runs. */
const median = (values) =>
  [...values].sort((a, b) => (Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b))[
    Math.floor(values.length / 2)
  ];

/** The same page three times: with our script (and its parts beside it), the legacy widget's, none. */
function buildSite() {
  const site = mkdtempSync(join(tmpdir(), 'bench-compare-'));
  const page = readFileSync('test/e2e/pages/index.html', 'utf8');
  cpSync(OURS_FOLDER, site, { recursive: true });
  cpSync(LEGACY_SCRIPT, join(site, 'netlify-identity-widget.js'));
  writeFileSync(join(site, 'ours.html'), page);
  writeFileSync(
    join(site, 'legacy.html'),
    page.replace('/netlify-identity.js', '/netlify-identity-widget.js'),
  );
  const baseline = page
    .replace(/<script>[\s\S]*?<\/script>/, '')
    .replace(
      '<div data-netlify-identity-menu></div>',
      '<div data-netlify-identity-menu><button>Log in</button></div>',
    );
  writeFileSync(
    join(site, 'baseline.html'),
    baseline.replace(/<script[^>]*src=[^>]*><\/script>/, ''),
  );
  return site;
}

/** The "Log in" button of the menu, in the light DOM (legacy) or the menu's shadow root (ours). */
function findLoginButton() {
  const menu = document.querySelector('[data-netlify-identity-menu]');
  const roots = [menu, menu?.querySelector('netlify-identity-menu')?.shadowRoot].filter(Boolean);
  for (const root of roots) {
    for (const button of root.querySelectorAll('button')) {
      if (button.textContent.trim() === 'Log in' && !button.disabled) return button;
    }
  }
  return null;
}

/** Whether an email field is on screen, in the page, a shadow root or a same-origin iframe. */
function visibleEmailField() {
  const shown = (root) =>
    [...root.querySelectorAll('input[type=email]')].some(
      (input) =>
        input.getClientRects().length > 0 && getComputedStyle(input).visibility !== 'hidden',
    );
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    for (const element of roots[i].querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
      if (element.tagName === 'IFRAME' && element.contentDocument)
        roots.push(element.contentDocument);
    }
  }
  return roots.some(shown);
}

/** The focused element, looking into shadow roots and same-origin iframes. */
function focusedEmailField() {
  let active = document.activeElement;
  for (;;) {
    if (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    else if (active?.tagName === 'IFRAME' && active.contentDocument?.activeElement) {
      active = active.contentDocument.activeElement;
    } else break;
  }
  return active?.tagName === 'INPUT' && active.type === 'email';
}

/** One cold load of `url`; with `click`, then a click on Log in (the pages without a widget have no modal). */
async function measure(browser, url, serverUrl, click = true) {
  const context = await browser.newContext();
  // On localhost the legacy widget asks for the site's URL instead of rendering.
  await context.addInitScript(
    (site) => window.localStorage.setItem('netlifySiteURL', site),
    serverUrl,
  );
  // The page notes the first animation frame in which the button is there: measured inside the
  // page, so the test driver's own polling delay does not count. It says so on the console, which
  // the driver hears without running anything in the page: waiting with an evaluation would make
  // Playwright inject its own script (about 170 ms at 4x CPU) into the page while it loads, at a
  // moment that varies from run to run.
  await context.addInitScript((find) => {
    const found = new Function(`return (${find})()`);
    const tick = () => {
      if (found()) console.debug(`login-button-at ${performance.now()}`);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, findLoginButton.toString());
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.requestWillBeSent', () => requests++);
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  // What the widget downloads (every response but the page itself), gzip -9 per response as a
  // CDN would serve it: scripts, parts, languages and API answers.
  const bodies = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'document') return;
    bodies.push(
      response.body().then(
        (body) => gzipSync(body, { level: 9 }).length,
        () => 0,
      ),
    );
  });

  const buttonAt = page.waitForEvent('console', {
    predicate: (message) => message.text().startsWith('login-button-at '),
    timeout: 30_000,
  });
  await page.goto(url, { waitUntil: 'commit' });
  const toButton = Number((await buttonAt).text().split(' ')[1]);
  await page.waitForLoadState('networkidle');
  const loadRequests = requests;
  const loadBytes = bytes;
  const widgetGzip = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
  // Playwright's first evaluation injects its own script into the page: done now, before the heap
  // is measured and the click timed, so that neither pays for it.
  await page.evaluate(() => undefined);
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;

  // The checks run in the page, in each animation frame from the click on, so that the test
  // driver's round trips do not count: a field on screen, and focus in it (the legacy widget never
  // moves focus into its iframe). Each time is from the click to the first frame that shows it.
  const { visible, focused } = !click
    ? { visible: NaN, focused: NaN }
    : await page.evaluate(
        ([find, checks]) => {
          const [onScreen, inFocus] = checks.map((source) => new Function(`return (${source})()`));
          return new Promise((resolve) => {
            const times = { visible: NaN, focused: NaN };
            const clicked = performance.now();
            const frame = () => {
              const now = performance.now();
              if (Number.isNaN(times.visible) && onScreen()) times.visible = now - clicked;
              if (Number.isNaN(times.focused) && inFocus()) times.focused = now - clicked;
              const done = !Number.isNaN(times.visible) && !Number.isNaN(times.focused);
              if (done || now - clicked > 5000) resolve(times);
              else requestAnimationFrame(frame);
            };
            new Function(`return (${find})()`)().click();
            requestAnimationFrame(frame);
          });
        },
        [findLoginButton.toString(), [visibleEmailField.toString(), focusedEmailField.toString()]],
      );
  await context.close();
  return {
    toButton,
    loadRequests,
    loadBytes,
    widgetGzip,
    heap,
    toField: visible,
    toFocus: focused,
  };
}

export async function benchCompare() {
  const site = buildSite();
  const server = await startIdentityServer({ root: site, quiet: true });
  const browser = await chromium.launch(await chromiumLaunchOptions());
  const results = { ours: [], legacy: [], baseline: [] };
  try {
    // One run of each page first, not counted: the browser's own first start-up costs.
    for (const page of ['ours', 'legacy', 'baseline']) {
      await measure(
        browser,
        `${server.url}/${page}.html`,
        server.url,
        page === 'ours' || page === 'legacy',
      );
    }
    for (let run = 0; run < RUNS; run++) {
      results.ours.push(await measure(browser, `${server.url}/ours.html`, server.url));
      results.legacy.push(await measure(browser, `${server.url}/legacy.html`, server.url));
      results.baseline.push(
        await measure(browser, `${server.url}/baseline.html`, server.url, false),
      );
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  }
  const gzip = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
  const pick = (who, key) => median(results[who].map((result) => result[key]));
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
  const ms = (value) => (Number.isNaN(value) ? 'never' : `${Math.round(value)} ms`);
  // Each run's pages load one after the other, under the same conditions: a widget's own time is
  // the median of its run-by-run difference from the baseline page, which the machine's drift over
  // the whole benchmark does not move as much as a difference of two medians.
  const own = (who) =>
    median(results[who].map((result, run) => result.toButton - results.baseline[run].toButton));
  const rows = [
    [
      'Script run before "Log in" is usable, gzip -9',
      kb(gzip(OURS_SCRIPT)),
      kb(gzip(LEGACY_SCRIPT)),
      gzip(LEGACY_SCRIPT) / gzip(OURS_SCRIPT),
    ],
    [
      'First visit downloads until the network is idle, gzip -9 per response (page excluded)',
      kb(pick('ours', 'widgetGzip')),
      kb(pick('legacy', 'widgetGzip')),
      pick('legacy', 'widgetGzip') / pick('ours', 'widgetGzip'),
    ],
    [
      'Bytes transferred on first load (as served, page included)',
      kb(pick('ours', 'loadBytes')),
      kb(pick('legacy', 'loadBytes')),
      pick('legacy', 'loadBytes') / pick('ours', 'loadBytes'),
    ],
    [
      'Requests on load',
      pick('ours', 'loadRequests'),
      pick('legacy', 'loadRequests'),
      pick('legacy', 'loadRequests') / pick('ours', 'loadRequests'),
    ],
    [
      'Navigation to a usable "Log in" button',
      ms(pick('ours', 'toButton')),
      ms(pick('legacy', 'toButton')),
      pick('legacy', 'toButton') / pick('ours', 'toButton'),
    ],
    [
      `The widget's own time to a usable "Log in" (beyond the ${ms(pick('baseline', 'toButton'))} of the page without a widget)`,
      ms(own('ours')),
      ms(own('legacy')),
      own('legacy') / own('ours'),
    ],
    [
      'Click on "Log in" to an email field on screen',
      ms(pick('ours', 'toField')),
      ms(pick('legacy', 'toField')),
      pick('legacy', 'toField') / pick('ours', 'toField'),
    ],
    [
      'Click on "Log in" to a focused email field',
      ms(pick('ours', 'toFocus')),
      ms(pick('legacy', 'toFocus')),
      pick('legacy', 'toFocus') / pick('ours', 'toFocus'),
    ],
    [
      'JS heap after load',
      kb(pick('ours', 'heap')),
      kb(pick('legacy', 'heap')),
      pick('legacy', 'heap') / pick('ours', 'heap'),
    ],
  ];
  return { rows, runs: RUNS };
}

if (process.argv[1]?.endsWith('bench-compare.mjs')) {
  const { rows, runs } = await benchCompare();
  console.log(`Median of ${runs} cold runs each, interleaved, Chromium with 4x CPU throttling:\n`);
  console.log('| figure | netlify-identity-elements | netlify-identity-widget | ratio |');
  console.log('| --- | --- | --- | --- |');
  for (const [name, ours, legacy, ratio] of rows) {
    console.log(
      `| ${name} | ${ours} | ${legacy} | ${Number.isFinite(ratio) ? `${ratio.toFixed(1)}x` : 'n/a'} |`,
    );
  }
}
