// Visual regression for the key states of the forms, in light, dark and Arabic, at phone and desktop
// widths. Chromium only: the baselines are its rendering on the project's Debian machines. Update
// them on purpose with `npx playwright test test/e2e/visual.spec.ts --update-snapshots`.
import type { Page } from '@playwright/test';
import {
  createConfirmedUser,
  devSettings,
  expect,
  inviteMail,
  recoveryMail,
  test,
} from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'a long and secret passphrase';
// Font hinting differs a little between runs of the same machine; a layout change moves far more.
const LOOK = { maxDiffPixelRatio: 0.02, animations: 'disabled', caret: 'hide' } as const;

test.skip(({ browserName }) => browserName !== 'chromium', 'baselines are Chromium renderings');

const PHONE = { width: 375, height: 900 };
const DESKTOP = { width: 1280, height: 900 };

async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('netlify-login form')).toBeVisible();
}

/** Opens the demo and submits its login form with `password`; the form, for what it then says. */
async function submitLogin(page: Page, url: string, password: string) {
  await openDemo(page, url);
  const login = page.locator('netlify-login');
  await login.getByLabel('Email').fill(EMAIL);
  await login.getByLabel('Password', { exact: true }).fill(password);
  await login.getByRole('button', { name: 'Log in', exact: true }).click();
  return login;
}

/** Logs Ada in through the demo's login form. */
async function logIn(page: Page, server: { url: string }): Promise<void> {
  await expect(await submitLogin(page, server.url, PASSWORD)).toContainText(
    'Logged in as Ada Lovelace',
  );
}

/** Sets an attribute on the demo's form elements, and waits for them to re-render. */
async function setOnForms(page: Page, name: string, value: string): Promise<void> {
  await page.evaluate(
    ([attribute, to]) => {
      for (const element of document.querySelectorAll('netlify-login, netlify-signup')) {
        element.setAttribute(attribute!, to!);
      }
    },
    [name, value],
  );
}

test.describe('the forms look right', () => {
  test.beforeEach(async ({ server }) => {
    await devSettings(server, { external: { github: true, google: true } });
  });

  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`login and signup with providers, light and dark, ${label}`, async ({ page, server }) => {
      await page.setViewportSize(viewport);
      await openDemo(page, server.url);
      // The marks are a chunk of their own: the picture is of the forms once they are in (GitHub's
      // mark is one path, Google's four).
      await expect(page.locator('netlify-login .provider svg path')).toHaveCount(5);
      await expect(page.locator('netlify-signup .provider svg path')).toHaveCount(5);
      const grid = page.locator('.grid');
      await expect(grid).toHaveScreenshot(`forms-light-${label}.png`, LOOK);
      await setOnForms(page, 'theme', 'dark');
      await expect(grid).toHaveScreenshot(`forms-dark-${label}.png`, LOOK);
    });
  }

  test('Arabic, right to left, on a phone', async ({ page, server }) => {
    await page.setViewportSize(PHONE);
    await openDemo(page, server.url);
    await setOnForms(page, 'locale', 'ar');
    await expect(page.locator('netlify-login h2')).toHaveText('تسجيل الدخول');
    await expect(page.locator('.grid')).toHaveScreenshot('forms-arabic-phone.png', LOOK);
  });

  test('the login form in Arabic, right to left, on a desktop', async ({ page, server }) => {
    await page.setViewportSize(DESKTOP);
    await openDemo(page, server.url);
    await setOnForms(page, 'locale', 'ar');
    const login = page.locator('netlify-login');
    await expect(login.locator('h2')).toHaveText('تسجيل الدخول');
    await expect(login.locator('.provider svg path')).toHaveCount(5);
    await expect(login).toHaveScreenshot('login-arabic-desktop.png', LOOK);
  });

  test('a new password that is too short, shown', async ({ page, server }) => {
    await page.setViewportSize(PHONE);
    await openDemo(page, server.url);
    const signup = page.locator('netlify-signup');
    await signup.getByLabel('Name').fill('Ada Lovelace');
    await signup.getByLabel('Email').fill(EMAIL);
    await signup.getByLabel('Password', { exact: true }).fill('short');
    await signup.getByRole('button', { name: 'Show password' }).click();
    await signup.getByRole('button', { name: 'Sign up', exact: true }).click();
    await expect(signup.getByText('Use at least 8 characters.')).toBeVisible();
    await expect(signup).toHaveScreenshot('signup-too-short-phone.png', LOOK);
  });
});

test('signups closed is information, on a phone', async ({ page, server }) => {
  await devSettings(server, { disable_signup: true });
  await page.setViewportSize(PHONE);
  await openDemo(page, server.url);
  const signup = page.locator('netlify-signup');
  await expect(signup.getByRole('status')).toContainText('Signups are closed');
  await expect(signup).toHaveScreenshot('signup-closed-phone.png', LOOK);
});

test('a used link: what happened and the way forward, on a phone', async ({ page, server }) => {
  await page.setViewportSize(PHONE);
  await page.goto(`${server.url}/#recovery_token=already-used`);
  const card = page.locator('main > netlify-auth-callback');
  await expect(card.getByRole('button', { name: 'Get a new link' })).toBeVisible();
  await expect(card).toHaveScreenshot('callback-expired-phone.png', LOOK);
  await card.getByRole('button', { name: 'Get a new link' }).click();
  await expect(card.getByLabel('Email')).toBeFocused();
  await expect(card).toHaveScreenshot('callback-new-link-phone.png', LOOK);
});

test('the account view, light and dark, on a desktop', async ({ page, server }) => {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await page.setViewportSize(DESKTOP);
  await logIn(page, server);
  await page.evaluate(() => {
    const card = document.createElement('section');
    card.className = 'card';
    card.id = 'account-card';
    card.append(document.createElement('netlify-account'));
    document.querySelector('main')!.prepend(card);
  });
  const card = page.locator('#account-card');
  await expect(card.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(card).toHaveScreenshot('account-light-desktop.png', LOOK);
  await page
    .locator('netlify-account')
    .evaluate((element) => element.setAttribute('theme', 'dark'));
  await expect(card).toHaveScreenshot('account-dark-desktop.png', LOOK);
});

test('the modal is a sheet from the bottom on a phone, light and dark', async ({
  page,
  server,
}) => {
  await page.setViewportSize(PHONE);
  await openDemo(page, server.url);
  const menu = page.locator('header netlify-identity-menu');
  for (const theme of ['light', 'dark']) {
    await menu.evaluate((element, value) => element.setAttribute('theme', value), theme);
    await menu.getByRole('button', { name: 'Log in', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(page.locator('netlify-identity-modal').getByLabel('Email')).toBeFocused();
    await expect(page).toHaveScreenshot(`modal-sheet-${theme}-phone.png`, LOOK);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('the account view on a phone', async ({ page, server }) => {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await page.setViewportSize(PHONE);
  await logIn(page, server);
  await page.goto(`${server.url}/account.html`);
  const account = page.locator('main netlify-account');
  await expect(account.getByRole('heading', { name: 'Profile' })).toBeVisible();
  await expect(account).toHaveScreenshot('account-phone.png', LOOK);
});

test('the logged-in menu, on a desktop', async ({ page, server }) => {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await page.setViewportSize(DESKTOP);
  await logIn(page, server);
  const menu = page.locator('header netlify-identity-menu');
  await expect(menu.getByRole('button', { name: 'Log out' })).toBeVisible();
  await expect(menu).toHaveScreenshot('menu-logged-in-desktop.png', LOOK);
});

test('a wrong password: the alert under the fields, on a phone', async ({ page, server }) => {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await page.setViewportSize(PHONE);
  const login = await submitLogin(page, server.url, 'not the passphrase');
  await expect(login.getByRole('alert')).toContainText('don’t match');
  await expect(login).toHaveScreenshot('login-error-phone.png', LOOK);
});

test('a recovery link asks for a new password, on a phone', async ({ page, server }) => {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await page.setViewportSize(PHONE);
  await page.goto((await recoveryMail(server, EMAIL)).url);
  const card = page.locator('main > netlify-auth-callback');
  await expect(card.getByLabel('New password', { exact: true })).toBeVisible();
  await expect(card).toHaveScreenshot('callback-recovery-phone.png', LOOK);
});

test('an invite link asks for a password, on a phone', async ({ page, server }) => {
  await page.setViewportSize(PHONE);
  await page.goto((await inviteMail(server, 'grace@example.com')).url);
  const card = page.locator('main > netlify-auth-callback');
  await expect(card.getByLabel('New password', { exact: true })).toBeVisible();
  await expect(card).toHaveScreenshot('callback-invite-phone.png', LOOK);
});

test('OAuth denied: access was not granted, on a phone', async ({ page, server }) => {
  await devSettings(server, { external: { github: true } });
  await page.setViewportSize(PHONE);
  await openDemo(page, server.url);
  await page.locator('netlify-login').getByRole('button', { name: 'Continue with GitHub' }).click();
  await page.getByRole('button', { name: 'Deny' }).click();
  const card = page.locator('main > netlify-auth-callback');
  await expect(card.getByRole('alert')).toContainText('Access was not granted');
  await expect(card).toHaveScreenshot('callback-access-denied-phone.png', LOOK);
});
