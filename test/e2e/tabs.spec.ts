import { createConfirmedUser, expect, test } from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';

test('two tabs stay in step: a login and a logout in one reach the other', async ({
  context,
  page,
  server,
}) => {
  await createConfirmedUser(server, EMAIL, PASSWORD, 'Ada');

  const other = await context.newPage();
  await page.goto(server.url);
  await other.goto(server.url);
  const otherEvents = other.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const seen: string[] = [];
        for (const name of ['login', 'logout']) {
          document.addEventListener(`netlify-identity-${name}`, (event) => {
            seen.push(`${event.type}@${event.target === document ? 'document' : 'element'}`);
            if (seen.length === 2) resolve(seen);
          });
        }
      }),
  );

  const login = page.locator('netlify-login');
  await login.getByLabel('Email').fill(EMAIL);
  await login.getByLabel('Password').fill(PASSWORD);
  await login.getByRole('button', { name: 'Log in' }).click();
  await expect(page.locator('netlify-identity-menu').getByText('Ada')).toBeVisible();
  await expect(other.locator('netlify-identity-menu').getByText('Ada')).toBeVisible({
    timeout: 10_000,
  });

  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    for (const name of ['login', 'logout', 'error']) {
      document.addEventListener(`netlify-identity-${name}`, (event) => seen.push(event.type));
    }
  });
  await other.locator('netlify-identity-menu').getByRole('button', { name: 'Log out' }).click();
  await expect(
    page.locator('netlify-identity-menu').getByRole('button', { name: 'Log in' }),
  ).toBeVisible({
    timeout: 10_000,
  });
  // A logout elsewhere is a plain logout here: no session_expired error, announced once.
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
    'netlify-identity-logout',
  ]);
  // The other tab saw its own logout on its element, and the first tab's login on document.
  expect(await otherEvents).toEqual([
    'netlify-identity-login@document',
    'netlify-identity-logout@element',
  ]);
});
