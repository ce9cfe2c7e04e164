// Firefox and WebKit for the end-to-end smoke. Playwright drives only its own patched builds, which
// this project cannot download, so the system's Firefox runs through Puppeteer (WebDriver BiDi) and
// WebKitGTK's MiniBrowser through webdriverio (classic WebDriver), behind one small page interface.
// Elements are found in the page as a person would: by role and name, or by label, through shadow roots.
import puppeteer from 'puppeteer-core';
import type { Browser as PuppeteerBrowser, KeyInput } from 'puppeteer-core';
import { remote } from 'webdriverio';
import { findFirefox } from '../../scripts/browsers.mjs';
import { startWebKitDriver } from '../../scripts/webkit.mjs';

export type Engine = 'firefox' | 'webkit';

/** What to find: a button or link by its accessible name, a field by its label, inside `within`. */
export interface Target {
  within?: string;
  role?: 'button' | 'link';
  name?: string;
  label?: string;
}

export type Key = 'Tab' | 'Enter' | 'Escape';

export interface EnginePage {
  readonly engine: Engine;
  /** Uncaught errors in the page (Firefox reports them; WebKit's classic WebDriver cannot). */
  readonly errors: string[];
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** A real pointer click at the centre of the element. */
  click(target: Target): Promise<void>;
  /** Focuses the field, selects what is there and types `value` with real key presses. */
  fill(target: Target, value: string): Promise<void>;
  press(key: Key): Promise<void>;
  type(text: string): Promise<void>;
  /** Runs `fn` in the page with JSON-serialisable `args`. */
  evaluate<T>(fn: (...args: never[]) => T, ...args: unknown[]): Promise<Awaited<T>>;
  close(): Promise<void>;
}

export interface EngineBrowser {
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

/**
 * Runs in the page: the first visible element matching `target`, looking through open shadow
 * roots. Self-contained, since it is sent to the browser as source text.
 */
function findInPage(target: Target): Element | null {
  const all = (root: Document | ShadowRoot | Element): Element[] => {
    const found: Element[] = [];
    const walk = (node: Document | ShadowRoot | Element) => {
      for (const child of Array.from(node.children)) {
        found.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return found;
  };
  const text = (element: Element) =>
    (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const visible = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const scopes = target.within
    ? all(document).filter((element) => element.localName === target.within)
    : [document];
  for (const scope of scopes) {
    for (const element of all(scope)) {
      if (!visible(element)) continue;
      if (target.label !== undefined) {
        const labels = (element as HTMLInputElement).labels;
        const named =
          element.getAttribute('aria-label') === target.label ||
          Array.from(labels ?? []).some((label) => text(label) === target.label);
        if (named && /^(input|textarea|select)$/.test(element.localName)) return element;
        continue;
      }
      const role =
        element.getAttribute('role') ??
        (element.localName === 'button' ? 'button' : element.localName === 'a' ? 'link' : '');
      if (role === target.role && (target.name === undefined || text(element) === target.name)) {
        return element;
      }
    }
  }
  return null;
}

function describe(target: Target): string {
  const what =
    target.label !== undefined ? `field "${target.label}"` : `${target.role} "${target.name}"`;
  return target.within ? `${what} in <${target.within}>` : what;
}

/** Centre of the element, scrolled into view, in viewport pixels; null when it is not there. */
async function centreOf(page: EnginePage, target: Target): Promise<{ x: number; y: number }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const point = await page.evaluate(
      (source: string, wanted: Target) => {
        const find = new Function(`return (${source})`)() as (target: Target) => Element | null;
        const element = find(wanted);
        if (!element) return null;
        element.scrollIntoView({ block: 'center', inline: 'center' });
        const box = element.getBoundingClientRect();
        return { x: Math.round(box.left + box.width / 2), y: Math.round(box.top + box.height / 2) };
      },
      findInPage.toString(),
      target,
    );
    if (point) return point;
    if (Date.now() > deadline) throw new Error(`No ${describe(target)} on ${await page.url()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Asks `check` until it answers something truthy; fails after 10 s saying `what`. */
export async function waitFor(
  page: EnginePage,
  what: string,
  check: () => Promise<unknown>,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      last = await check();
      if (last) return;
    } catch (error) {
      // A navigation in progress destroys the context: ask again on the new page.
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what} on ${await page.url()} (last: ${String(last)})`);
}

/** Whether a matching element is on screen now. */
export function isShown(page: EnginePage, target: Target): Promise<boolean> {
  return page.evaluate(
    (source: string, wanted: Target) => {
      const find = new Function(`return (${source})`)() as (target: Target) => Element | null;
      return find(wanted) !== null;
    },
    findInPage.toString(),
    target,
  );
}

export function waitForShown(page: EnginePage, target: Target): Promise<void> {
  return waitFor(page, describe(target), () => isShown(page, target));
}

export async function waitForHidden(page: EnginePage, target: Target): Promise<void> {
  return waitFor(page, `no ${describe(target)}`, async () => !(await isShown(page, target)));
}

/** Text of the elements named `localName`, with their shadow trees, as a person reads it. */
export function textOf(page: EnginePage, localName: string): Promise<string> {
  return page.evaluate((name: string) => {
    const collect = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      if (node.nodeType !== Node.ELEMENT_NODE) return '';
      const element = node as Element;
      if (element.localName === 'style' || element.localName === 'script') return '';
      return Array.from((element.shadowRoot ?? element).childNodes)
        .map((child) =>
          child instanceof HTMLSlotElement
            ? child.assignedNodes({ flatten: true }).map(collect).join(' ')
            : collect(child),
        )
        .join(' ');
    };
    const found: Element[] = [];
    const search = (root: Document | ShadowRoot | Element) => {
      for (const child of Array.from(root.children)) {
        if (child.localName === name) found.push(child);
        if (child.shadowRoot) search(child.shadowRoot);
        search(child);
      }
    };
    search(document);
    return found.map(collect).join(' ').replace(/\s+/g, ' ').trim();
  }, localName);
}

export function waitForText(page: EnginePage, localName: string, expected: string): Promise<void> {
  return waitFor(page, `"${expected}" in <${localName}>`, async () =>
    (await textOf(page, localName)).includes(expected),
  );
}

/** Accessible text of the focused element, through shadow roots. */
export function focusedName(page: EnginePage): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return '';
    const labels = (active as HTMLInputElement).labels;
    const label = labels && labels.length > 0 ? labels[0]?.textContent : undefined;
    return (active.getAttribute('aria-label') ?? label ?? active.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  });
}

async function firefox(): Promise<EngineBrowser> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('No Firefox: apt-get install -y firefox-esr');
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
  });
  return {
    async newPage() {
      // A fresh context per test: no cookie or storage of an earlier test leaks in.
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      const enginePage: EnginePage = {
        engine: 'firefox',
        errors,
        goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
        reload: async () => void (await page.reload({ waitUntil: 'load' })),
        url: async () => page.url(),
        click: async (target) => {
          const { x, y } = await centreOf(enginePage, target);
          await page.mouse.click(x, y);
        },
        fill: async (target, value) => {
          await enginePage.click(target);
          await page.evaluate(() => {
            let active: Element | null = document.activeElement;
            while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
            (active as HTMLInputElement | null)?.select();
          });
          await page.keyboard.type(value);
        },
        press: (key) => page.keyboard.press(key as KeyInput),
        type: (text) => page.keyboard.type(text),
        evaluate: <T>(fn: (...args: never[]) => T, ...args: unknown[]) =>
          page.evaluate(fn as (...params: unknown[]) => T, ...args) as Promise<Awaited<T>>,
        close: () => context.close(),
      };
      return enginePage;
    },
    close: () => browser.close(),
  };
}

const WEBDRIVER_KEYS: Record<Key, string> = {
  Tab: '\uE004',
  Enter: '\uE007',
  Escape: '\uE00C',
};

/** Each character pressed and released in turn (webdriverio's keys() holds a repeated key down). */
async function typeKeys(browser: WebdriverIO.Browser, keys: string[]): Promise<void> {
  const action = browser.action('key');
  for (const key of keys) action.down(key).up(key);
  await action.perform();
}

async function webkit(): Promise<EngineBrowser> {
  const driver = await startWebKitDriver();
  const sessions = new Set<WebdriverIO.Browser>();
  return {
    async newPage() {
      // A session per test: MiniBrowser's automation sessions keep no data between them.
      const browser = await remote(driver.remoteOptions);
      sessions.add(browser);
      await browser.setWindowSize(1280, 900);
      const enginePage: EnginePage = {
        engine: 'webkit',
        errors: [],
        goto: async (url) => void (await browser.url(url)),
        reload: () => browser.refresh(),
        url: () => browser.getUrl(),
        click: async (target) => {
          const { x, y } = await centreOf(enginePage, target);
          await browser.action('pointer').move({ x, y, origin: 'viewport' }).down().up().perform();
        },
        fill: async (target, value) => {
          await enginePage.click(target);
          await browser.execute(() => {
            let active: Element | null = document.activeElement;
            while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
            (active as HTMLInputElement | null)?.select();
          });
          await typeKeys(browser, [...value]);
        },
        press: (key) => typeKeys(browser, [WEBDRIVER_KEYS[key]]),
        type: (text) => typeKeys(browser, [...text]),
        evaluate: <T>(fn: (...args: never[]) => T, ...args: unknown[]) =>
          browser.execute(fn as (...params: unknown[]) => T, ...args) as Promise<Awaited<T>>,
        close: async () => {
          sessions.delete(browser);
          await browser.deleteSession();
        },
      };
      return enginePage;
    },
    async close() {
      await Promise.all([...sessions].map((session) => session.deleteSession().catch(() => {})));
      driver.stop();
    },
  };
}

export function launchEngine(engine: Engine): Promise<EngineBrowser> {
  return engine === 'firefox' ? firefox() : webkit();
}
