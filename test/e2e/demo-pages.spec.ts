import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// The demo is the first thing a newcomer sees (`npm start`): its pages must hold up at phone width,
// in the dark theme and in Arabic, and say only what is true.

const DEMO_PAGES = ['/', '/cdn.html', '/theming.html', '/account.html'];

/** Requests that failed (4xx/5xx) and console errors, collected while `run` loads pages. */
async function problemsWhile(page: Page, run: () => Promise<void>): Promise<string[]> {
  const problems: string[] = [];
  const onResponse = (response: { status(): number; url(): string }) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  };
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') problems.push(message.text());
  };
  page.on('response', onResponse);
  page.on('console', onConsole);
  await run();
  page.off('response', onResponse);
  page.off('console', onConsole);
  return problems;
}

test('the demo pages load without a failed request or a console error', async ({
  page,
  server,
}) => {
  const problems = await problemsWhile(page, async () => {
    for (const path of DEMO_PAGES) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    }
  });
  expect(problems).toEqual([]);
});

for (const width of [320, 375]) {
  test(`nothing scrolls sideways at ${width} px and the menu labels stay on one line`, async ({
    page,
    server,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    for (const path of DEMO_PAGES) {
      await page.goto(`${server.url}${path}`);
      const login = page.getByRole('button', { name: 'Log in', exact: true }).first();
      await expect(login).toBeVisible();
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(width);
      // A label that wraps inside its button makes the button taller than one line of text.
      const { height, lineHeight } = await login.evaluate((button) => ({
        height: button.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(button).lineHeight) || 20,
      }));
      expect(height, `${path}: "Log in" on one line`).toBeLessThan(lineHeight * 2);
    }
  });
}

test('a signup that still needs confirmation is not shown as logged in', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await expect(page.locator('#who')).toHaveText('Nobody is logged in.');
  const signup = page.locator('netlify-signup');
  await signup.getByLabel('Name').fill('Ada Lovelace');
  await signup.getByLabel('Email').fill('ada@example.com');
  await signup.getByLabel('Password').fill('a long and secret passphrase');
  await signup.getByRole('button', { name: 'Sign up' }).click();
  await expect(signup.getByRole('status')).toContainText('we sent a confirmation link');
  await expect(page.locator('#who')).toHaveText('Nobody is logged in.');
});

test('the dark card of the theming page is dark', async ({ page, server }) => {
  await page.goto(`${server.url}/theming.html`);
  const background = await page
    .locator('.dark-card')
    .evaluate((card) => getComputedStyle(card).backgroundColor);
  expect(background).toBe('rgb(21, 27, 35)');
});

test('the Arabic heading keeps its Latin part in order', async ({ page, server }) => {
  await page.goto(`${server.url}/theming.html`);
  const heading = page.locator('#rtl-heading');
  await expect(heading).toContainText('العربية');
  // The Latin run, parentheses included, is isolated left to right inside the right-to-left heading.
  const isolated = heading.locator('bdi[dir="ltr"]');
  await expect(isolated).toHaveText('(lang="ar")');
  const [arabic, latin] = await heading.evaluate((node) => {
    const range = document.createRange();
    const text = node.firstChild as Text;
    range.setStart(text, 0);
    range.setEnd(text, 'العربية'.length);
    const isolate = node.querySelector('bdi')!;
    return [range.getBoundingClientRect().left, isolate.getBoundingClientRect().left];
  });
  // Right to left: the Arabic word first, on the right; the Latin part after it, on its left.
  expect(latin).toBeLessThan(arabic);
});

test('the demo stylesheet does not restyle the link view inside the modal', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/cdn.html#error=access_denied&error_description=denied`);
  const inModal = page.locator('netlify-identity-modal netlify-auth-callback');
  await expect(inModal).toBeVisible();
  const border = await inModal.evaluate((node) => getComputedStyle(node).borderTopWidth);
  expect(border).toBe('0px');
});

test('each demo page fetches /settings once and logs nothing, not even a warning, on localhost', async ({
  page,
  server,
}) => {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  for (const path of DEMO_PAGES) {
    const settings: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (new URL(request.url()).pathname === '/.netlify/identity/settings') {
        settings.push(request.url());
      }
    };
    page.on('request', onRequest);
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    // Open the login form so the lazily loaded client and views have run too.
    await page.getByRole('button', { name: 'Log in', exact: true }).first().click();
    await expect(page.getByLabel('Email').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    page.off('request', onRequest);
    expect(settings, `${path}: /settings requests`).toHaveLength(1);
  }
  expect(messages).toEqual([]);
});
