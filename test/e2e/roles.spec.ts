import { expect, mails, test } from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';

test('the members area: 401 before signup, the signup function gives the role, the rule lets the member in', async ({
  page,
  server,
}) => {
  const before = await page.goto(`${server.url}/members/`);
  expect(before?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Members only' })).toBeVisible();

  await page.goto(server.url);
  const roles = page.locator('netlify-identity-gate[roles="member"]');
  await expect(roles.getByText('New accounts get the')).toBeVisible();
  await expect(roles.getByRole('link', { name: 'enter the members area' })).toBeHidden();

  const signup = page.locator('netlify-signup');
  await signup.getByLabel('Name').fill('Ada Lovelace');
  await signup.getByLabel('Email').fill(EMAIL);
  await signup.getByLabel('Password').fill(PASSWORD);
  await signup.getByRole('button', { name: 'Sign up' }).click();
  await expect(signup.getByRole('status')).toContainText('we sent a confirmation link');

  const confirmation = (await mails(server)).find((mail) => mail.type === 'confirmation')!;
  await page.goto(server.mailboxUrl);
  await page.goto(confirmation.url);
  await expect(page.locator('netlify-identity-menu').getByText('Ada Lovelace')).toBeVisible();
  await roles.getByRole('link', { name: 'enter the members area' }).click();

  await expect(page.getByRole('heading', { name: 'Members area' })).toBeVisible();
  const reload = await page.reload();
  expect(reload?.status()).toBe(200);
  // The member is not an editor: that part of the page stays hidden.
  await expect(page.getByText("Editors' notes")).toBeHidden();

  await page.locator('netlify-identity-menu').getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Every Netlify Identity flow' })).toBeVisible();
  const after = await page.goto(`${server.url}/members/`);
  expect(after?.status()).toBe(401);
});

test('a forged nf_jwt cookie does not open the members area', async ({ page, server }) => {
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const claims = Buffer.from(
    JSON.stringify({ sub: 'x', exp: 4102444800, app_metadata: { roles: ['member'] } }),
  ).toString('base64url');
  await page
    .context()
    .addCookies([{ name: 'nf_jwt', value: `${header}.${claims}.forged`, url: server.url }]);
  const answer = await page.goto(`${server.url}/members/`);
  expect(answer?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Members only' })).toBeVisible();
});
