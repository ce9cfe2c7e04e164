import type { Page } from '@playwright/test';
import { createConfirmedUser, expect, test } from './fixtures.js';

// Every demo page on a small phone, a common phone and a desktop window zoomed to 200%: nothing
// scrolls sideways, no label wraps inside its button, and the modal fits the screen with its first
// field ready to type in.

const PAGES = ['/', '/cdn.html', '/theming.html', '/account.html', '/members/'];
const EMAIL = 'ada@example.com';
const PASSWORD = 'a long and secret passphrase';
const LONG_NAME = 'Augusta Ada King, Countess of Lovelace and Baroness Wentworth';

const SCREENS = [
  { name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, sheet: true },
  { name: '375 px', viewport: { width: 375, height: 812 }, deviceScaleFactor: 1, sheet: true },
  // A 1280 × 900 window at 200% zoom: 640 × 450 CSS pixels, two device pixels each (as Chromium
  // lays out a zoomed page).
  { name: '200% zoom', viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, sheet: false },
];

test.skip(({ browserName }) => browserName !== 'chromium', 'layout checks run in Chromium');

async function expectNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where}: page width`).toBeLessThanOrEqual(innerWidth);
}

/** Each visible button of the menus, buttons and gates, with the number of lines its label takes. */
async function expectLabelsOnOneLine(page: Page, where: string): Promise<void> {
  const labels = await page.evaluate(() => {
    const found: { label: string; lines: number }[] = [];
    const range = document.createRange();
    const hosts = document.querySelectorAll(
      'netlify-identity-menu, netlify-identity-button, netlify-identity-gate',
    );
    for (const host of hosts) {
      for (const button of host.shadowRoot?.querySelectorAll('button') ?? []) {
        if (button.getClientRects().length === 0) continue;
        const slot = button.querySelector('slot');
        const nodes = slot ? slot.assignedNodes({ flatten: true }) : [...button.childNodes];
        const tops = new Set<number>();
        for (const node of nodes) {
          if (!node.textContent?.trim()) continue;
          range.selectNodeContents(node);
          for (const rect of range.getClientRects()) tops.add(Math.round(rect.top));
        }
        found.push({ label: button.textContent?.trim() || 'slot', lines: tops.size });
      }
    }
    return found;
  });
  expect(labels.length, `${where}: buttons found`).toBeGreaterThan(0);
  for (const { label, lines } of labels) expect(lines, `${where}: "${label}"`).toBe(1);
}

/** The open modal lies inside the viewport, and its focused first field takes typing. */
async function expectModalFits(page: Page, where: string, sheet: boolean): Promise<void> {
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // Measured where it rests, after the opening animation.
  await dialog.evaluate((element) =>
    Promise.all(element.getAnimations().map((animation) => animation.finished)),
  );
  const modal = page.locator('netlify-identity-modal');
  const field = modal.locator('input:focus');
  await expect(field, `${where}: the first field has focus`).toHaveCount(1);
  const fit = await page.evaluate(() => {
    const element = document.querySelector('netlify-identity-modal')!;
    const rect = element.shadowRoot!.querySelector('dialog')!.getBoundingClientRect();
    const input = element.querySelector<HTMLInputElement>('input:focus')!;
    const box = input.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      left: rect.left,
      right: rect.right,
      top: rect.top,
      bottom: rect.bottom,
      innerWidth,
      innerHeight,
      fieldOnTop: hit === input,
      fieldInside: box.left >= rect.left && box.right <= rect.right,
    };
  });
  // Half a pixel for the rounding of fractional layout.
  expect(fit.left, `${where}: dialog left`).toBeGreaterThanOrEqual(-0.5);
  expect(fit.right, `${where}: dialog right`).toBeLessThanOrEqual(fit.innerWidth + 0.5);
  expect(fit.top, `${where}: dialog top`).toBeGreaterThanOrEqual(-0.5);
  expect(fit.bottom, `${where}: dialog bottom`).toBeLessThanOrEqual(fit.innerHeight + 0.5);
  if (sheet) {
    // A phone: a sheet from the bottom edge, the full width.
    expect(fit.left, `${where}: sheet left`).toBeLessThanOrEqual(0.5);
    expect(fit.right, `${where}: sheet right`).toBeGreaterThanOrEqual(fit.innerWidth - 0.5);
    expect(fit.bottom, `${where}: sheet bottom`).toBeGreaterThanOrEqual(fit.innerHeight - 0.5);
  }
  expect(fit.fieldInside, `${where}: the field within the dialog`).toBe(true);
  expect(fit.fieldOnTop, `${where}: nothing covers the field`).toBe(true);
  await page.keyboard.type('typed');
  await expect(field).toHaveValue(/typed/);
  await expectNoSidewaysScroll(page, `${where}, modal open`);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

for (const screen of SCREENS) {
  test.describe(screen.name, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor });

    test('logged out: no page scrolls sideways, labels stay on one line, the login modal fits', async ({
      page,
      server,
    }) => {
      for (const path of PAGES) {
        await page.goto(`${server.url}${path}`);
        const menu = page.locator('netlify-identity-menu').first();
        await expect(menu.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
        await expectNoSidewaysScroll(page, path);
        await expectLabelsOnOneLine(page, path);
        await menu.getByRole('button', { name: 'Log in', exact: true }).click();
        await expectModalFits(page, path, screen.sheet);
      }
    });

    test('logged in with a long name: the same, with the account view in the modal', async ({
      page,
      server,
    }) => {
      await createConfirmedUser(server, EMAIL, PASSWORD, LONG_NAME, { roles: ['member'] });
      await page.goto(server.url);
      const login = page.locator('main netlify-login');
      await login.getByLabel('Email').fill(EMAIL);
      await login.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await login.getByRole('button', { name: 'Log in', exact: true }).click();
      await expect(page.locator('#who')).toHaveText(`Logged in as ${LONG_NAME}.`);
      for (const path of PAGES) {
        await page.goto(`${server.url}${path}`);
        const user = page.locator('netlify-identity-menu').first().locator('[part="user"]');
        await expect(user).toHaveText(LONG_NAME);
        await expect(user).toHaveAttribute('title', LONG_NAME);
        await expectNoSidewaysScroll(page, path);
        await expectLabelsOnOneLine(page, path);
        await user.click();
        await expect(page.locator('netlify-identity-modal netlify-account')).toBeVisible();
        await expectModalFits(page, path, screen.sheet);
      }
    });
  });
}

test.describe('375 px, a 5,000-character word', () => {
  test.use({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });

  test('a name with no break in it: no page scrolls sideways, the menu and the account view fit', async ({
    page,
    server,
  }) => {
    const word = 'Lovelace'.repeat(625);
    await createConfirmedUser(server, EMAIL, PASSWORD, word, { roles: ['member'] });
    for (const path of PAGES) {
      // Logged in on each page: a token that long is more than a cookie holds, so no session
      // outlives its page.
      await page.goto(`${server.url}${path}`);
      const menu = page.locator('netlify-identity-menu').first();
      await menu.getByRole('button', { name: 'Log in', exact: true }).click();
      const modal = page.locator('netlify-identity-modal');
      await modal.getByLabel('Email').fill(EMAIL);
      await modal.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await modal.getByRole('button', { name: 'Log in', exact: true }).click();
      const user = menu.locator('[part="user"]');
      await expect(user).toContainText('LovelaceLovelace');
      expect(await user.evaluate((element) => element.textContent!.trim().length)).toBe(5000);
      await expectNoSidewaysScroll(page, path);
      await expectLabelsOnOneLine(page, path);
      await user.click();
      await expect(modal.locator('netlify-account')).toBeVisible();
      await expectModalFits(page, path, true);
      await menu.getByRole('button', { name: 'Log out', exact: true }).click();
      await expect(menu.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
    }
  });
});
