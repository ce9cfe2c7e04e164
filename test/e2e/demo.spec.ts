import { devSettings, expect, mails, test } from './fixtures.js';

const EMAIL = 'grace@example.com';
const PASSWORD = 'a long and secret passphrase';

test('sign up, confirm from the mailbox, log out and log back in through the modal', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  const signup = page.locator('netlify-signup');
  await signup.getByLabel('Name').fill('Grace Hopper');
  await signup.getByLabel('Email').fill(EMAIL);
  await signup.getByLabel('Password').fill(PASSWORD);
  await signup.getByRole('button', { name: 'Sign up' }).click();
  await expect(signup.getByRole('status')).toContainText('we sent a confirmation link');

  const [confirmation] = (await mails(server)).filter((mail) => mail.type === 'confirmation');
  expect(confirmation?.to).toBe(EMAIL);
  await page.goto(server.mailboxUrl);
  await page
    .getByRole('link', { name: /confirmation_token/ })
    .first()
    .click();
  await expect(page.getByText('Your email is confirmed. You are logged in.')).toBeVisible();
  expect(page.url()).not.toContain('confirmation_token');
  const menu = page.locator('netlify-identity-menu');
  await expect(menu.getByText('Grace Hopper')).toBeVisible();
  expect((await page.context().cookies()).some((cookie) => cookie.name === 'nf_jwt')).toBe(true);

  await menu.getByRole('button', { name: 'Log out' }).click();
  await expect(menu.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect((await page.context().cookies()).some((cookie) => cookie.name === 'nf_jwt')).toBe(false);

  await menu.getByRole('button', { name: 'Log in' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(dialog).toBeVisible();
  // The form is slotted into the dialog (light DOM, for password managers).
  const form = page.locator('netlify-identity-modal');
  await expect(form.getByLabel('Email')).toBeFocused();
  await form.getByLabel('Email').fill(EMAIL);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Log in' }).click();
  await expect(dialog).toBeHidden();
  await expect(menu.getByText('Grace Hopper')).toBeVisible();

  await page.reload();
  await expect(menu.getByText('Grace Hopper')).toBeVisible();
  await expect(page.locator('netlify-login').getByRole('status')).toContainText(
    'Logged in as Grace Hopper',
  );
});

test('the modal traps focus, closes on Escape and gives focus back to its opener', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  const opener = page.locator('netlify-identity-menu').getByRole('button', { name: 'Log in' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(page.locator('netlify-identity-modal').getByLabel('Email')).toBeFocused();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const modal = document.querySelector('netlify-identity-modal');
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return Boolean(
        modal && active && (modal.contains(active) || modal.shadowRoot?.contains(active)),
      );
    });
    expect(inside, `focus after ${i + 1} Tab presses`).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('closed signups: the menu and the signup form say so', async ({ page, server }) => {
  await devSettings(server, { disable_signup: true });
  await page.goto(server.url);
  await expect(
    page.locator('netlify-identity-menu').getByRole('button', { name: 'Log in' }),
  ).toBeVisible();
  await expect(
    page.locator('netlify-identity-menu').getByRole('button', { name: 'Sign up' }),
  ).toHaveCount(0);
  await expect(page.locator('netlify-signup')).toContainText('Signups are closed');
});

test('OAuth through the local consent page: allow logs in, deny says why', async ({
  page,
  server,
}) => {
  await devSettings(server, { external: { github: true } });
  await page.goto(server.url);
  const login = page.locator('netlify-login');
  await login.getByRole('button', { name: 'Continue with GitHub' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in with GitHub' })).toBeVisible();
  await page.getByLabel('Email').fill('octo@example.com');
  await page.getByLabel('Name').fill('Octo Cat');
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.getByText('You are logged in.')).toBeVisible();
  await expect(page.locator('netlify-identity-menu').getByText('Octo Cat')).toBeVisible();
  expect(page.url()).not.toContain('access_token');

  await page.locator('netlify-identity-menu').getByRole('button', { name: 'Log out' }).click();
  await login.getByRole('button', { name: 'Continue with GitHub' }).click();
  await page.getByRole('button', { name: 'Deny' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Access was not granted' })).toBeVisible();
  expect(page.url()).not.toContain('error=');
});

test('the CDN demo page mounts the data attributes and links to the other pages', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/cdn.html`);
  await expect(
    page.locator('netlify-identity-menu').getByRole('button', { name: 'Log in' }),
  ).toBeVisible();
  await expect(page.locator('#log')).toContainText('init');
  await page
    .getByRole('navigation', { name: 'Demo pages' })
    .getByRole('link', { name: 'Mailbox' })
    .click();
  await expect(page.getByRole('heading', { name: 'Mailbox' })).toBeVisible();
  await page.goBack();
  await page.getByRole('link', { name: 'Elements demo' }).click();
  await expect(page.locator('netlify-login')).toBeVisible();
});

test('the theming page loads Arabic on demand and lays it out right to left', async ({
  page,
  server,
}) => {
  await page.goto(`${server.url}/theming.html`);
  const arabic = page.locator('section[lang="ar"] netlify-login');
  await expect(arabic.getByRole('heading', { name: 'تسجيل الدخول' })).toBeVisible();
  await expect(arabic).toHaveAttribute('dir', 'rtl');
});
