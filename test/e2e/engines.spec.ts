// The smoke run in Firefox and WebKit (the playwright projects of those names): the flows a user
// meets first, on the CDN page and on the elements page. A session must survive a reload in both,
// which on WebKit over http://localhost needs the cookie writer's loopback rule.
import { createConfirmedUser, expect, lastMailTo, test as base } from './fixtures.js';
import {
  focusedName,
  launchEngine,
  textOf,
  waitFor,
  waitForHidden,
  waitForShown,
  waitForText,
} from './engines.js';
import type { Engine, EngineBrowser, EnginePage, Key } from './engines.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';

const test = base.extend<{ enginePage: EnginePage }, { engineBrowser: EngineBrowser }>({
  engineBrowser: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      const browser = await launchEngine(workerInfo.project.name as Engine);
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  enginePage: async ({ engineBrowser }, use) => {
    const page = await engineBrowser.newPage();
    await use(page);
    await page.close();
    expect(page.errors, 'uncaught errors in the page').toEqual([]);
  },
  // The Chromium page (and its error check) is not opened in these projects.
  // eslint-disable-next-line no-empty-pattern
  pageErrors: async ({}, use) => use([]),
});

const menuButton = (name: string) =>
  ({ within: 'netlify-identity-menu', role: 'button', name }) as const;
const modalButton = (name: string) =>
  ({ within: 'netlify-identity-modal', role: 'button', name }) as const;
const modalField = (label: string) => ({ within: 'netlify-identity-modal', label }) as const;

const hasSessionCookie = (page: EnginePage) =>
  page.evaluate(() => document.cookie.split('; ').some((pair) => pair.startsWith('nf_jwt=')));

/** The session is real: the stored access token is accepted by the server. */
async function expectRealSession(page: EnginePage): Promise<void> {
  const status = await page.evaluate(async () => {
    const pair = document.cookie.split('; ').find((entry) => entry.startsWith('nf_jwt='));
    const response = await fetch('/.netlify/identity/user', {
      headers: { Authorization: `Bearer ${decodeURIComponent(pair?.slice(7) ?? '')}` },
    });
    return response.status;
  });
  expect(status).toBe(200);
}

async function expectLoggedInAfterReload(page: EnginePage, name: string): Promise<void> {
  await page.reload();
  await waitForText(page, 'netlify-identity-menu', name);
  await waitForShown(page, menuButton('Log out'));
  expect(await hasSessionCookie(page)).toBe(true);
  await expectRealSession(page);
}

async function tabTo(page: EnginePage, name: string, limit = 25): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    await page.press('Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`"${name}" was not reached with Tab (${page.engine})`);
}

async function pressAndWait(
  page: EnginePage,
  key: Key,
  what: string,
  check: () => Promise<unknown>,
) {
  await page.press(key);
  await waitFor(page, what, check);
}

test('CDN page: sign up, confirmation link, reload keeps the session, log out', async ({
  enginePage: page,
  cdnServer,
}) => {
  await page.goto(cdnServer.url);
  await page.click(menuButton('Sign up'));
  await page.fill(modalField('Name'), 'Ada Lovelace');
  await page.fill(modalField('Email'), EMAIL);
  await page.fill(modalField('Password'), PASSWORD);
  await page.click(modalButton('Sign up'));
  await waitForText(page, 'netlify-identity-modal', 'we sent a confirmation link');

  const confirmation = await lastMailTo(cdnServer, EMAIL, 'confirmation');
  await page.goto('about:blank');
  await page.goto(confirmation.url);
  await waitForText(page, 'netlify-identity-modal', 'Your email is confirmed');
  await waitForText(page, 'netlify-identity-menu', 'Ada Lovelace');
  expect(await page.url()).not.toContain('confirmation_token');

  await expectLoggedInAfterReload(page, 'Ada Lovelace');

  await page.click(menuButton('Log out'));
  await waitForShown(page, menuButton('Log in'));
  expect(await hasSessionCookie(page)).toBe(false);
  await page.reload();
  await waitForShown(page, menuButton('Log in'));
  expect(await textOf(page, 'netlify-identity-menu')).not.toContain('Ada Lovelace');
});

test('CDN page: log in, then a recovery link sets a new password and logs in', async ({
  enginePage: page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  await page.click(menuButton('Log in'));
  await page.fill(modalField('Email'), EMAIL);
  await page.fill(modalField('Password'), PASSWORD);
  await page.click(modalButton('Log in'));
  await waitForText(page, 'netlify-identity-menu', 'Ada Lovelace');
  await expectLoggedInAfterReload(page, 'Ada Lovelace');
  await page.click(menuButton('Log out'));

  await page.click(menuButton('Log in'));
  await page.click(modalButton('Forgot password?'));
  await page.fill(modalField('Email'), EMAIL);
  await page.click(modalButton('Send reset link'));
  await waitForText(page, 'netlify-identity-modal', 'reset link is on its way');

  const recovery = await lastMailTo(cdnServer, EMAIL, 'recovery');
  await page.goto('about:blank');
  await page.goto(recovery.url);
  await waitForText(page, 'netlify-identity-modal', 'Choose a new password');
  await page.fill(modalField('New password'), 'a new passphrase');
  await page.click(modalButton('Save password'));
  await waitForText(page, 'netlify-identity-modal', 'Your new password is saved');
  await expectLoggedInAfterReload(page, 'Ada Lovelace');

  const login = await fetch(`${cdnServer.url}/.netlify/identity/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      username: EMAIL,
      password: 'a new passphrase',
    }),
  });
  expect(login.status).toBe(200);
});

test('CDN page: the modal by keyboard only, log in and log out', async ({
  enginePage: page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  await waitForShown(page, menuButton('Log in'));

  await tabTo(page, 'Log in');
  await pressAndWait(
    page,
    'Enter',
    'focus in the Email field',
    async () => (await focusedName(page)) === 'Email',
  );
  await page.press('Escape');
  await waitForHidden(page, modalField('Email'));
  await waitFor(page, 'focus back on Log in', async () => (await focusedName(page)) === 'Log in');

  await pressAndWait(
    page,
    'Enter',
    'focus in the Email field',
    async () => (await focusedName(page)) === 'Email',
  );
  await page.type(EMAIL);
  await page.press('Tab');
  await page.type(PASSWORD);
  await page.press('Enter');
  await waitForHidden(page, modalField('Email'));
  await waitForText(page, 'netlify-identity-menu', 'Ada Lovelace');

  await tabTo(page, 'Log out');
  await pressAndWait(page, 'Enter', 'the Log in button', async () =>
    (await textOf(page, 'netlify-identity-menu')).includes('Log in'),
  );
  expect(await hasSessionCookie(page)).toBe(false);
});

test('elements page: sign up with <netlify-signup>, confirm, reload, log out, log in with <netlify-login>', async ({
  enginePage: page,
  server,
}) => {
  await page.goto(server.url);
  await page.fill({ within: 'netlify-signup', label: 'Name' }, 'Grace Hopper');
  await page.fill({ within: 'netlify-signup', label: 'Email' }, 'grace@example.com');
  await page.fill({ within: 'netlify-signup', label: 'Password' }, PASSWORD);
  await page.click({ within: 'netlify-signup', role: 'button', name: 'Sign up' });
  await waitForText(page, 'netlify-signup', 'we sent a confirmation link');

  const confirmation = await lastMailTo(server, 'grace@example.com', 'confirmation');
  await page.goto('about:blank');
  await page.goto(confirmation.url);
  await waitForText(page, 'netlify-auth-callback', 'Your email is confirmed');
  await waitForText(page, 'netlify-identity-menu', 'Grace Hopper');
  await expectLoggedInAfterReload(page, 'Grace Hopper');
  await waitForText(page, 'netlify-login', 'Logged in as Grace Hopper');

  await page.click(menuButton('Log out'));
  await waitForShown(page, menuButton('Log in'));
  expect(await hasSessionCookie(page)).toBe(false);

  await page.fill({ within: 'netlify-login', label: 'Email' }, 'grace@example.com');
  await page.fill({ within: 'netlify-login', label: 'Password' }, PASSWORD);
  await page.click({ within: 'netlify-login', role: 'button', name: 'Log in' });
  await waitForText(page, 'netlify-identity-menu', 'Grace Hopper');
  await expectLoggedInAfterReload(page, 'Grace Hopper');
});

test('CDN page: menus and buttons render as soon as the parser has passed them', async ({
  enginePage: page,
  cdnServer,
}) => {
  await page.goto(`${cdnServer.url}/early.html`);
  expect(
    await page.evaluate(() => {
      const early = window as unknown as Record<string, unknown>;
      return [early.menuWhileLoading, early.buttonWhileInside, early.buttonAfter];
    }),
  ).toEqual([
    { readyState: 'loading', text: 'Log in' },
    false,
    { readyState: 'loading', label: 'Log in with Netlify' },
  ]);
});
