// Instant start: the stored session is known as the script runs, the modal's code and the identity
// client come on demand (idle, intent), and a part that cannot load leaves the page working.
import type { Page, Request } from '@playwright/test';
import type { IdentityServer } from '../../server/index.js';
import { en } from '../../src/locales/en.js';
import { createConfirmedUser, devSettings, expect, test } from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';

const menu = (page: Page) => page.locator('netlify-identity-menu');
const modal = (page: Page) => page.locator('netlify-identity-modal');

async function logIn(page: Page, server: IdentityServer): Promise<void> {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await page.goto(server.url);
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  await modal(page).getByLabel('Email').fill(EMAIL);
  await modal(page).getByLabel('Password').fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Log in' }).click();
  await expect(menu(page)).toContainText('Ada Lovelace');
}

async function addFault(server: IdentityServer, fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${server.url}/.netlify/identity/__dev/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(fault),
  });
  expect(response.ok).toBe(true);
}

/** The scripts the page requests from now on. */
function recordScripts(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request: Request) => {
    if (request.resourceType() === 'script') urls.push(new URL(request.url()).pathname);
  });
  return urls;
}

test('a stored session is the current user as the script runs and on DOMContentLoaded', async ({
  page,
  cdnServer,
}) => {
  await logIn(page, cdnServer);
  await page.goto(`${cdnServer.url}/ready.html`);
  const expected = { email: EMAIL, name: 'Ada Lovelace', jwt: 'function' };
  expect(await page.evaluate(() => (window as unknown as { atScript: unknown }).atScript)).toEqual(
    expected,
  );
  await page.waitForFunction(() => 'atReady' in window);
  expect(await page.evaluate(() => (window as unknown as { atReady: unknown }).atReady)).toEqual(
    expected,
  );
  expect(
    await page.evaluate(() => (window as unknown as { gotrueAtReady: unknown }).gotrueAtReady),
  ).toEqual(expected);
  // The user read before the client loaded gives a token the server accepts.
  const status = await page.evaluate(async () => {
    const user = (
      window as unknown as { netlifyIdentity: { currentUser(): { jwt(): Promise<string> } } }
    ).netlifyIdentity.currentUser();
    const token = await user.jwt();
    return (
      await fetch('/.netlify/identity/user', { headers: { Authorization: `Bearer ${token}` } })
    ).status;
  });
  expect(status).toBe(200);
});

test('Decap CMS: the home-page snippet logs in and the CMS on /admin/ reads the user as it mounts', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  // The documented snippet on the home page: on init without a user, a login goes to /admin/.
  await page.goto(`${cdnServer.url}/?decap`);
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  await modal(page).getByLabel('Email').fill(EMAIL);
  await modal(page).getByLabel('Password').fill(PASSWORD);
  await modal(page).getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${cdnServer.url}/admin/`);
  await expect(page.locator('#status')).toHaveText('CMS ready for Ada Lovelace (200, same token)');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('with /user and /settings slow, the menu shows the stored user at once', async ({
  page,
  cdnServer,
}) => {
  await logIn(page, cdnServer);
  await addFault(cdnServer, { path: '/user', delay: 10_000, count: 5 });
  await addFault(cdnServer, { path: '/settings', delay: 10_000, count: 5 });
  const answered: string[] = [];
  page.on('requestfinished', (request) => answered.push(new URL(request.url()).pathname));
  await page.reload();
  await expect(menu(page).getByText('Ada Lovelace')).toBeVisible();
  await expect(menu(page).getByRole('button', { name: 'Log out' })).toBeVisible();
  // Shown before the server answered either question.
  expect(answered.filter((path) => /\/(user|settings)$/.test(path))).toEqual([]);
});

test('after the idle preload, opening the modal requests no code; intent fetches the client', async ({
  page,
  cdnServer,
}) => {
  const views = page.waitForResponse((response) =>
    response.url().includes('/netlify-identity-views.js'),
  );
  await page.goto(cdnServer.url);
  await views;
  const scripts = recordScripts(page);
  // A click with no pointer over the button first (a script, assistive technology).
  await menu(page).getByRole('button', { name: 'Log in' }).dispatchEvent('click');
  await expect(modal(page).getByLabel('Email')).toBeFocused();
  expect(scripts).toEqual([]);
  // Intent: focus back on "Log in" (or a pointer over it) fetches the identity client.
  const client = page.waitForRequest((request) =>
    request.url().includes('/netlify-identity-client.js'),
  );
  await page.keyboard.press('Escape');
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeFocused();
  await client;
});

test('a pointer over Log in fetches the identity client before the click', async ({
  page,
  cdnServer,
}) => {
  await page.goto(cdnServer.url);
  const scripts = recordScripts(page);
  const client = page.waitForRequest((request) =>
    request.url().includes('/netlify-identity-client.js'),
  );
  await menu(page).getByRole('button', { name: 'Log in' }).hover();
  await client;
  expect(scripts).toContain('/netlify-identity-client.js');
});

test('a part that cannot load: a readable error at the button, and the next click works', async ({
  page,
  cdnServer,
}) => {
  let missing = true;
  await page.route('**/netlify-identity-views.js*', (route) =>
    missing ? route.fulfill({ status: 404, body: 'Not found' }) : route.continue(),
  );
  await page.goto(cdnServer.url);
  const login = menu(page).getByRole('button', { name: 'Log in' });
  await login.click();
  await expect(menu(page).getByRole('alert')).toHaveText(
    'Can’t reach the server. Check your connection and try again.',
  );
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The menu keeps working: the same click, once the file is back, opens the modal.
  missing = false;
  await login.click();
  await expect(modal(page).getByLabel('Email')).toBeFocused();
  await expect(menu(page).getByRole('alert')).toHaveCount(0);
  await modal(page).getByLabel('Email').fill(EMAIL);
});

test('every error reads in English: the core’s own before any part loads, the rest with the client', async ({
  page,
  cdnServer,
}) => {
  const errors = Object.entries(en).filter(([key]) => key.startsWith('error.'));
  // The catalog the elements read, through the registry the core shares with its parts.
  const inEnglish = () =>
    page.evaluate(
      (keys) => {
        type Registry = {
          shared: { localize__localize: { translate(locale: string, key: string): string } };
        };
        const { shared } = (globalThis as unknown as Record<symbol, Registry>)[
          Symbol.for('netlify-identity-elements.cdn')
        ]!;
        return Object.fromEntries(
          keys.map((key) => [key, shared.localize__localize.translate('en', key)]),
        );
      },
      errors.map(([key]) => key),
    );
  const parts = /netlify-identity-\w+\.js/;
  await page.route(parts, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto(cdnServer.url);
  // What the core raises itself: a part that cannot load, the settings answer.
  const core = await inEnglish();
  for (const code of ['network', 'unknown', 'server', 'rate_limited', 'identity_unavailable']) {
    expect(core[`error.${code}`]).toBe(en[`error.${code}` as keyof typeof en]);
  }
  // Every error read from the server's answers comes with the client, before it can be raised.
  await page.unroute(parts);
  const client = page.waitForResponse(/netlify-identity-client\.js/);
  await menu(page).getByRole('button', { name: 'Log in' }).hover();
  await client;
  await expect.poll(inEnglish).toEqual(Object.fromEntries(errors));
});

test('a site without OAuth providers never fetches their marks', async ({ page, cdnServer }) => {
  const scripts = recordScripts(page);
  const views = page.waitForResponse((response) =>
    response.url().includes('/netlify-identity-views.js'),
  );
  await page.goto(cdnServer.url);
  await views;
  // The idle preload has rendered the closed modal's login view with the settings' answer.
  await expect(modal(page).locator('netlify-login form')).toBeAttached();
  await page.waitForLoadState('networkidle');
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  await expect(modal(page).getByLabel('Email')).toBeFocused();
  expect(scripts).toContain('/netlify-identity-views.js');
  expect(scripts.filter((path) => path.includes('providers'))).toEqual([]);
});

test('with a provider, its mark is fetched before the click and fills a box kept for it', async ({
  page,
  cdnServer,
}) => {
  await devSettings(cdnServer, { external: { github: true } });
  // Boxes are compared before and after the mark arrives: not in the middle of the opening animation.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/netlify-identity-providers.js*', async (route) => {
    await held;
    await route.continue();
  });
  const marksRequested = page.waitForRequest((request) =>
    request.url().includes('/netlify-identity-providers.js'),
  );
  await page.goto(cdnServer.url);
  // Fetched because the settings name a provider, with no click.
  await marksRequested;
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  const github = modal(page).getByRole('button', { name: 'Continue with GitHub' });
  await expect(github).toBeVisible();
  // Until the mark arrives the button has its name and an empty box of the mark's size.
  const box = github.locator('svg');
  await expect(box).toHaveCount(1);
  expect(await box.locator('path').count()).toBe(0);
  const before = await github.boundingBox();
  const textBefore = await github.locator('span').boundingBox();
  release();
  await expect(box.locator('path')).toHaveCount(1);
  expect(await github.boundingBox()).toEqual(before);
  expect(await github.locator('span').boundingBox()).toEqual(textBefore);
  // The email field keeps the focus: the mark changes nothing else.
  await expect(modal(page).getByLabel('Email')).toBeFocused();
});

test('before any part loads, the core speaks English: the account button and the gate note', async ({
  page,
  cdnServer,
}) => {
  await logIn(page, cdnServer);
  // Only the core may run: every part beside it fails.
  await page.route(/netlify-identity-\w+\.js/, (route) =>
    route.fulfill({ status: 404, body: 'Not found' }),
  );
  await page.reload();
  await expect(
    menu(page).getByRole('button', { name: 'Ada Lovelace, Your account' }),
  ).toBeVisible();
  await page.evaluate(() =>
    document.body.insertAdjacentHTML(
      'beforeend',
      '<netlify-identity-gate roles="admin"><p>Admins only</p></netlify-identity-gate>',
    ),
  );
  await expect(page.locator('netlify-identity-gate')).toContainText(
    'Your account does not have access to this content yet.',
  );
});

test('menus and buttons render as soon as the parser has passed them, before DOMContentLoaded', async ({
  page,
  cdnServer,
}) => {
  type Early = {
    menuWhileLoading: { readyState: string; text: string | null };
    buttonWhileInside: boolean;
    buttonAfter: { readyState: string; label: string | null };
  };
  const read = () =>
    page.evaluate(() => {
      const early = window as unknown as Early;
      return {
        menuWhileLoading: early.menuWhileLoading,
        buttonWhileInside: early.buttonWhileInside,
        buttonAfter: early.buttonAfter,
      };
    });
  await page.goto(`${cdnServer.url}/early.html`);
  expect(await read()).toEqual({
    // Sign up waits for the settings, which say whether signups are open.
    menuWhileLoading: { readyState: 'loading', text: 'Log in' },
    // A node whose content is still arriving is left alone until it is complete.
    buttonWhileInside: false,
    buttonAfter: { readyState: 'loading', label: 'Log in with Netlify' },
  });

  await logIn(page, cdnServer);
  await page.goto(`${cdnServer.url}/early.html`);
  expect((await read()).menuWhileLoading).toEqual({
    readyState: 'loading',
    text: expect.stringContaining('Ada Lovelace') as unknown as string,
  });
});

test('nobody is the current user from the moment logout() is called, before the server answers', async ({
  page,
  cdnServer,
}) => {
  await logIn(page, cdnServer);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/.netlify/identity/logout', async (route) => {
    await held;
    await route.continue();
  });
  const loggedOut = page.waitForRequest('**/.netlify/identity/logout');
  const currentEmail = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { netlifyIdentity: { currentUser(): { email: string } | null } }
        ).netlifyIdentity.currentUser()?.email ?? null,
    );
  expect(await currentEmail()).toBe(EMAIL);
  // Decap CMS calls logout() without waiting, renders its login screen, and asks for the user.
  await page.evaluate(() => {
    void (
      window as unknown as { netlifyIdentity: { logout(): Promise<void> } }
    ).netlifyIdentity.logout();
  });
  await loggedOut;
  expect(await currentEmail()).toBeNull();
  await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible();
  release();
  await expect.poll(() => page.evaluate(() => document.cookie.includes('nf_jwt='))).toBe(false);
});
