import type { Page } from '@playwright/test';
import { devSettings, expect, inviteMail, lastMailTo, recoveryMail, test } from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';

/** Everything the page wrote to its console. */
function consoleOf(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (message) => lines.push(message.text()));
  return lines;
}

/** No token in the address bar, in the history entries, or in the console. */
async function expectNoTokenLeft(page: Page, token: string, console: string[]): Promise<void> {
  expect(page.url()).not.toContain(token);
  await page.goBack();
  await page.goForward();
  expect(page.url()).not.toContain(token);
  expect(await page.evaluate(() => JSON.stringify(history.state ?? null))).not.toContain(token);
  expect(console.filter((line) => line.includes(token))).toEqual([]);
}

test('confirmation, recovery and invite links leave no token behind', async ({
  page,
  cdnServer,
}) => {
  const console = consoleOf(page);
  await page.goto('about:blank');
  await fetch(`${cdnServer.url}/.netlify/identity/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  const confirmation = await lastMailTo(cdnServer, EMAIL, 'confirmation');
  await page.goto(confirmation.url);
  await expect(page.locator('netlify-identity-modal')).toContainText('Your email is confirmed');
  await expectNoTokenLeft(page, confirmation.token, console);

  const recovery = await recoveryMail(cdnServer, EMAIL);
  await page.goto('about:blank');
  await page.goto(recovery.url);
  await expect(page.getByRole('dialog', { name: 'Choose a new password' })).toBeVisible();
  await expectNoTokenLeft(page, recovery.token, console);

  const invitation = await inviteMail(cdnServer, 'grace@example.com');
  await page.goto('about:blank');
  await page.goto(invitation.url);
  await expect(page.getByRole('dialog', { name: 'Accept your invitation' })).toBeVisible();
  await expectNoTokenLeft(page, invitation.token, console);
});

test('an OAuth return leaves no access or refresh token behind', async ({ page, cdnServer }) => {
  const console = consoleOf(page);
  await devSettings(cdnServer, { external: { github: true } });
  await page.goto(cdnServer.url);
  const tokens: string[] = [];
  page.on('response', async (response) => {
    const location = response.headers()['location'];
    if (location?.includes('access_token=')) {
      const hash = new URLSearchParams(location.split('#')[1]);
      tokens.push(hash.get('access_token')!, hash.get('refresh_token')!);
    }
  });
  await page.locator('netlify-identity-menu').getByRole('button', { name: 'Log in' }).click();
  await page
    .locator('netlify-identity-modal')
    .getByRole('button', { name: 'Continue with GitHub' })
    .click();
  await page.getByRole('button', { name: 'Allow' }).click();
  await expect(page.locator('netlify-identity-menu')).toContainText('GitHub User');
  expect(tokens).toHaveLength(2);
  for (const token of tokens) await expectNoTokenLeft(page, token, console);
});

test('markup in an error description never reaches the page and runs nothing', async ({
  page,
  cdnServer,
}) => {
  const markup = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  await page.goto(
    `${cdnServer.url}/#error=access_denied&error_description=${encodeURIComponent(markup)}`,
  );
  const modal = page.locator('netlify-identity-modal');
  await expect(modal.getByRole('alert')).toContainText('Access was not granted');
  // The provider's own words are for developers (in the error event), not the page.
  await expect(modal).not.toContainText('pwned');
  expect(await modal.locator('img, script').count()).toBe(0);
  expect(
    await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
  ).toBeUndefined();
  expect(page.url()).not.toContain('error=');
});

test('a callback redirect goes only to paths on the same site', async ({ page, cdnServer }) => {
  const confirmLink = async (email: string) => {
    await fetch(`${cdnServer.url}/.netlify/identity/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    return (await lastMailTo(cdnServer, email, 'confirmation')).token;
  };

  // The control: a path on this site is followed after the confirmation.
  let token = await confirmLink('first@example.com');
  await page.goto(
    `${cdnServer.url}/callback.html?redirect=/welcome.html#confirmation_token=${token}`,
  );
  await page.waitForURL(`${cdnServer.url}/welcome.html`);

  for (const [index, target] of [
    '//evil.example/',
    'https://evil.example/',
    'javascript:alert(1)',
  ].entries()) {
    await page.goto('about:blank');
    token = await confirmLink(`user${index}@example.com`);
    const url = `${cdnServer.url}/callback.html?redirect=${encodeURIComponent(target)}`;
    await page.goto(`${url}#confirmation_token=${token}`);
    await expect(page.getByText('Your email is confirmed')).toBeVisible();
    const left = await page
      .waitForURL((next) => !next.href.startsWith(url), { timeout: 1500 })
      .then(() => true)
      .catch(() => false);
    expect(left, `redirect to ${target}`).toBe(false);
  }
});
