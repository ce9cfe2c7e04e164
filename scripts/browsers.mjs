// Finds the three engines the tests run in: Chromium (scripts/chromium.mjs), Firefox and WebKit
// (WebKitGTK's MiniBrowser driven by WebKitWebDriver under Xvfb). `node scripts/browsers.mjs`
// exits 1 with one line naming what to install; `--packages` prints the missing Debian packages.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findChromium } from './chromium.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

function onPath(command) {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder && existsSync(join(folder, command))) return join(folder, command);
  }
  return undefined;
}

function fromEnv(variable) {
  const value = process.env[variable];
  if (value === undefined || value === '') return undefined;
  if (!existsSync(value)) throw new Error(`${variable} is set to ${value}, but no file is there.`);
  return value;
}

function multiarch() {
  try {
    return execFileSync('gcc', ['-print-multiarch'], { encoding: 'utf8' }).trim();
  } catch {
    return process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu';
  }
}

/** Firefox (ESR or release), driven by Puppeteer over WebDriver BiDi. */
export function findFirefox() {
  return (
    fromEnv('FIREFOX_PATH') ??
    [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    ].find((path) => existsSync(path))
  );
}

/** WebKitGTK's MiniBrowser, its WebDriver, and an X server for it when there is no display. */
export function findWebKit() {
  const lib = `/usr/lib/${multiarch()}`;
  const browser =
    fromEnv('WEBKIT_BROWSER_PATH') ??
    [`${lib}/webkit2gtk-4.1/MiniBrowser`, `${lib}/webkitgtk-6.0/MiniBrowser`].find((path) =>
      existsSync(path),
    );
  const driver = fromEnv('WEBKIT_WEBDRIVER_PATH') ?? onPath('WebKitWebDriver');
  const xvfb = onPath('Xvfb');
  if (!browser || !driver || !xvfb) return undefined;
  return { browser, driver, xvfb };
}

async function isInstalled(engine) {
  if (engine === 'firefox') return findFirefox() !== undefined;
  if (engine === 'webkit') return findWebKit() !== undefined;
  return findChromium().then(
    () => true,
    () => false,
  );
}

/** The engines to test in: all three, or those named in TEST_BROWSERS (e.g. "chromium,firefox"). */
export function selectedEngines() {
  const chosen = process.env.TEST_BROWSERS;
  if (!chosen) return ENGINES;
  const names = chosen.split(',').map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(`TEST_BROWSERS lists ${unknown.join(', ')}; use ${ENGINES.join(', ')}.`);
  }
  return ENGINES.filter((engine) => names.includes(engine));
}

const DEBIAN_PACKAGES = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb', 'xauth'],
};

export async function missingEngines(engines = selectedEngines()) {
  const missing = [];
  for (const engine of engines) if (!(await isInstalled(engine))) missing.push(engine);
  return missing;
}

/** Throws one line naming what to install when a selected engine is missing. */
export async function requireEngines(engines = selectedEngines()) {
  const missing = await missingEngines(engines);
  if (missing.length === 0) return;
  const packages = missing.flatMap((engine) => DEBIAN_PACKAGES[engine]);
  throw new Error(
    `No ${missing.join(' or ')} to test in: apt-get install -y --no-install-recommends ${packages.join(' ')}` +
      ` (or pick engines with TEST_BROWSERS=${ENGINES.filter((engine) => !missing.includes(engine)).join(',') || 'chromium'}).`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    if (process.argv.includes('--packages')) {
      const missing = await missingEngines(ENGINES);
      console.log(missing.flatMap((engine) => DEBIAN_PACKAGES[engine]).join(' '));
    } else {
      await requireEngines();
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
