// Finds a Chromium for every browser test and benchmark: $CHROME_PATH, Playwright's own download,
// then the system's. Debian's Chromium is the usual answer on CI machines without internet.
import { existsSync } from 'node:fs';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Flags that keep Chromium from stalling on networks that only reach localhost. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export async function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROME_PATH is set to ${fromEnv}, but no file is there.`);
  }
  const found = (await playwrightChromium()) ?? SYSTEM_PATHS.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    'No Chromium found: set CHROME_PATH, or install one (Debian: apt-get install -y chromium).',
  );
}

/** Launch options for playwright's chromium.launch(). */
export async function chromiumLaunchOptions() {
  return { executablePath: await findChromium(), headless: true, args: CHROMIUM_ARGS };
}
