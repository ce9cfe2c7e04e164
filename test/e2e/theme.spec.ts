import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// The CDN script's theme: `netlifyIdentity.init({ theme })` themes the modal and the elements the
// script mounts from data attributes, whenever it is called; `auto` follows the system live.

const DARK = 'rgb(21, 27, 35)';
const LIGHT = 'rgb(255, 255, 255)';

test.skip(({ browserName }) => browserName !== 'chromium', 'computed colours checked in Chromium');

/** The demo's CDN page with `script` run right after the CDN script, before the body is parsed. */
async function cdnPageWith(page: Page, url: string, script: string): Promise<void> {
  await page.route('**/cdn.html', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(
      '<script src="./netlify-identity.js"></script>',
      `<script src="./netlify-identity.js"></script><script>${script}</script>`,
    );
    await route.fulfill({ response, body });
  });
  await page.goto(`${url}/cdn.html`);
}

function dialogBackground(page: Page): Promise<string> {
  return page
    .locator('netlify-identity-modal')
    .evaluate(
      (modal) => getComputedStyle(modal.shadowRoot!.querySelector('dialog')!).backgroundColor,
    );
}

function mountedThemes(page: Page): Promise<(string | null)[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '[data-netlify-identity-menu] > netlify-identity-menu, [data-netlify-identity-button] > netlify-identity-button',
      ),
    ].map((element) => element.getAttribute('theme')),
  );
}

test('init({ theme: "dark" }) before the page is parsed: dark menu, button and modal', async ({
  page,
  server,
}) => {
  await cdnPageWith(page, server.url, "netlifyIdentity.init({ theme: 'dark' })");
  const menu = page.locator('[data-netlify-identity-menu] netlify-identity-menu');
  await expect(menu.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(await mountedThemes(page)).toEqual(['dark', 'dark']);
  const background = await menu
    .getByRole('button', { name: 'Sign up' })
    .evaluate((button) => getComputedStyle(button).backgroundColor);
  expect(background).toBe(DARK);

  await menu.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await dialogBackground(page)).toBe(DARK);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  // Opened by the page's own code, with no themed element as the opener: the page's theme.
  await page.evaluate(() => window.netlifyIdentity!.open('signup'));
  await expect(page.locator('netlify-identity-modal netlify-signup')).toHaveAttribute(
    'theme',
    'dark',
  );
  expect(await dialogBackground(page)).toBe(DARK);
});

test('init({ theme }) after the elements are mounted themes them, and a later call changes it', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/cdn.html`);
  const button = page.locator('[data-netlify-identity-button] netlify-identity-button');
  await expect(button.getByRole('button', { name: 'Log in with Netlify Identity' })).toBeVisible();
  expect(await mountedThemes(page)).toEqual([null, null]);

  await page.evaluate(() => window.netlifyIdentity!.init({ theme: 'dark' }));
  expect(await mountedThemes(page)).toEqual(['dark', 'dark']);
  await button.getByRole('button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await dialogBackground(page)).toBe(DARK);
  await page.keyboard.press('Escape');

  await page.evaluate(() => window.netlifyIdentity!.init({ theme: 'light' }));
  expect(await mountedThemes(page)).toEqual(['light', 'light']);
  await button.getByRole('button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await dialogBackground(page)).toBe(LIGHT);
});

test('an invalid theme is ignored with a warning that names it', async ({ page, server }) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await cdnPageWith(page, server.url, "netlifyIdentity.init({ theme: 'purple' })");
  const menu = page.locator('[data-netlify-identity-menu] netlify-identity-menu');
  await expect(menu.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(warnings.filter((text) => text.includes('"purple"'))).toHaveLength(1);
  expect(warnings.join('\n')).toContain('light, dark or auto');
  expect(await mountedThemes(page)).toEqual([null, null]);
  await menu.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await dialogBackground(page)).toBe(LIGHT);
});

test('init({ theme: "auto" }): the open modal follows the system colour scheme as it changes', async ({
  page,
  server,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await cdnPageWith(page, server.url, "netlifyIdentity.init({ theme: 'auto' })");
  const menu = page.locator('[data-netlify-identity-menu] netlify-identity-menu');
  await menu.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const email = page.locator('netlify-identity-modal').getByLabel('Email');
  const emailBackground = () => email.evaluate((input) => getComputedStyle(input).backgroundColor);
  expect(await dialogBackground(page)).toBe(DARK);
  expect(await emailBackground()).toBe(DARK);

  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => dialogBackground(page)).toBe(LIGHT);
  expect(await emailBackground()).toBe(LIGHT);
  await expect(page.getByRole('dialog')).toBeVisible();

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => dialogBackground(page)).toBe(DARK);
  expect(await emailBackground()).toBe(DARK);
});
