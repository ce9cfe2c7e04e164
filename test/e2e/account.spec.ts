import { createConfirmedUser, expect, lastMailTo, test } from './fixtures.js';

const EMAIL = 'dorothy@example.com';
const PASSWORD = 'crystallography of insulin';

test('the demo account page: log in there, rename, change the password, log out', async ({
  page,
  server,
}) => {
  await createConfirmedUser(server, EMAIL, PASSWORD, 'Dorothy Hodgkin');
  await page.goto(server.url);
  await page
    .getByRole('navigation', { name: 'Demo pages' })
    .getByRole('link', { name: 'Account' })
    .click();
  const account = page.locator('netlify-account');
  await expect(account).toContainText('Log in to manage your account');
  await account.getByLabel('Email').fill(EMAIL);
  await account.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await account.getByRole('button', { name: 'Log in', exact: true }).click();

  const profile = account.getByRole('region', { name: 'Profile' });
  await expect(profile.getByLabel('Name')).toHaveValue('Dorothy Hodgkin');
  await profile.getByLabel('Name').fill('Dorothy Crowfoot Hodgkin');
  await profile.getByRole('button', { name: 'Save name' }).click();
  await expect(profile.getByRole('status')).toHaveText('Your name is saved.');
  await expect(page.locator('netlify-identity-menu')).toContainText('Dorothy Crowfoot Hodgkin');

  const password = account.getByRole('region', { name: 'Password' });
  await password.getByLabel('New password').fill('short');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByText('Use at least 8 characters.')).toBeVisible();
  await password.getByLabel('New password').fill('penicillin structure 1945');
  await password.getByRole('button', { name: 'Change password' }).click();
  await expect(password.getByRole('status')).toHaveText('Your new password is saved.');

  await account.getByRole('button', { name: 'Log out' }).click();
  await expect(account).toContainText('Log in to manage your account');
});

test('a used reset link on the account page offers a new one, which works', async ({
  page,
  server,
}) => {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await page.goto(`${server.url}/account.html#recovery_token=used-long-ago`);
  const card = page.locator('main > netlify-auth-callback');
  await expect(card.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
  await expect(card.getByRole('alert')).toHaveText('This link has expired or was already used.');
  await card.getByRole('button', { name: 'Get a new link' }).click();
  await card.getByLabel('Email').fill(EMAIL);
  await card.getByRole('button', { name: 'Send new link' }).click();
  await expect(card.getByRole('status')).toContainText('a new link is on its way');

  const mail = await lastMailTo(server, EMAIL, 'recovery');
  await page.goto(mail.url);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password').fill('a fresh passphrase');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(card.getByRole('status')).toContainText('Your new password is saved');
  await card.getByRole('button', { name: 'Dismiss' }).click();
  await expect(card).toBeEmpty();
});
