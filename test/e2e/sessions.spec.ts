// Sessions that never silently break: background refreshes with a short token lifetime, two tabs
// racing for the rotating refresh token, refreshes that fail, a slow or unreachable server.
import type { Page } from '@playwright/test';
import type { IdentityServer } from '../../server/index.js';
import { createConfirmedUser, expect, test } from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';
/** The client refreshes 60 s before expiry: 75 s gives a refresh every 15 s. */
const LIFETIME_SECONDS = 75;

interface Call {
  event: string;
  email?: string;
  code?: string;
}

const calls = (page: Page) => page.evaluate(() => (window as unknown as { calls: Call[] }).calls);
const count = async (page: Page, event: string) =>
  (await calls(page)).filter((call) => call.event === event).length;
const menu = (page: Page) => page.locator('netlify-identity-menu');

async function dev(server: IdentityServer, path: string, method: string, body?: unknown) {
  const response = await fetch(`${server.url}/.netlify/identity/__dev/${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}

async function logIn(page: Page): Promise<void> {
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  const modal = page.locator('netlify-identity-modal');
  await modal.getByLabel('Email').fill(EMAIL);
  await modal.getByLabel('Password').fill(PASSWORD);
  await modal.getByRole('button', { name: 'Log in' }).click();
  await expect(menu(page)).toContainText('Ada Lovelace');
}

/** Both the legacy refresh() and the store's jwt() give tokens the server accepts. */
async function tokensAreValid(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const identity = (
      window as unknown as {
        netlifyIdentity: { refresh(): Promise<string>; store: { jwt(): Promise<string> } };
      }
    ).netlifyIdentity;
    const statuses: number[] = [];
    for (const token of [await identity.refresh(), await identity.store.jwt()]) {
      const response = await fetch('/.netlify/identity/user', {
        headers: { Authorization: `Bearer ${token}` },
      });
      statuses.push(response.status);
    }
    return statuses;
  });
}

async function hasSessionCookie(page: Page): Promise<boolean> {
  return (await page.context().cookies()).some((cookie) => cookie.name === 'nf_jwt');
}

/** A user logged in on the legacy page, with access tokens that live 75 seconds. */
async function logInWithShortTokens(page: Page, server: IdentityServer): Promise<void> {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await dev(server, 'token-lifetime', 'PUT', { seconds: LIFETIME_SECONDS });
  await page.goto(server.url);
  await logIn(page);
}

test.describe('background refresh', () => {
  test.describe.configure({ timeout: 150_000 });

  test('a page left open keeps a valid session through several refreshes', async ({
    page,
    cdnServer,
  }) => {
    await logInWithShortTokens(page, cdnServer);
    const recorder = page.evaluate(() => {
      const seen: string[] = [];
      document.addEventListener('netlify-identity-token-refresh', (event) => {
        seen.push(event.target === document ? 'document' : 'element');
      });
      return new Promise<string[]>((resolve) => {
        const check = setInterval(() => {
          if (seen.length >= 3) {
            clearInterval(check);
            resolve(seen);
          }
        }, 250);
      });
    });
    expect(await recorder).toEqual(['document', 'document', 'document']);
    expect(await tokensAreValid(page)).toEqual([200, 200]);
    expect(await count(page, 'logout')).toBe(0);
    await expect(menu(page)).toContainText('Ada Lovelace');
  });

  test('two tabs left open both stay logged in, with valid tokens', async ({
    context,
    page,
    cdnServer,
  }) => {
    await logInWithShortTokens(page, cdnServer);
    const other = await context.newPage();
    await other.goto(cdnServer.url);
    await expect(menu(other)).toContainText('Ada Lovelace');
    // Both tabs arm their timers from the same expiry and race for the rotating refresh token;
    // each round one of them wins and announces the refresh. Wait for three rounds.
    const refreshes = () =>
      Promise.all(
        [page, other].map((tab) =>
          tab.evaluate(() => (window as unknown as { refreshes: number }).refreshes),
        ),
      );
    for (const tab of [page, other]) {
      await tab.evaluate(() => {
        const counter = window as unknown as { refreshes: number };
        counter.refreshes = 0;
        document.addEventListener('netlify-identity-token-refresh', () => counter.refreshes++);
      });
    }
    await expect
      .poll(async () => (await refreshes()).reduce((sum, value) => sum + value, 0), {
        timeout: 100_000,
        intervals: [1000],
      })
      .toBeGreaterThanOrEqual(3);
    for (const tab of [page, other]) {
      await expect(menu(tab)).toContainText('Ada Lovelace');
      expect(await tokensAreValid(tab)).toEqual([200, 200]);
      expect(await count(tab, 'logout')).toBe(0);
    }
    expect(await hasSessionCookie(page)).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('gotrue.user') !== null)).toBe(true);
  });
});

test.describe('a refresh that fails logs out visibly, once', () => {
  const cases: [string, (server: IdentityServer, page: Page) => Promise<void>][] = [
    [
      'the refresh token was revoked',
      async (_server, page) => {
        await page.evaluate(async () => {
          const token = await (
            window as unknown as { netlifyIdentity: { refresh(): Promise<string> } }
          ).netlifyIdentity.refresh();
          await fetch('/.netlify/identity/logout', {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}` },
          });
        });
      },
    ],
    [
      'the user was deleted',
      async (server, page) => {
        const id = await page.evaluate(
          () =>
            (
              window as unknown as { netlifyIdentity: { currentUser(): { id: string } } }
            ).netlifyIdentity.currentUser().id,
        );
        const response = await fetch(`${server.url}/.netlify/identity/admin/users/${id}`, {
          method: 'DELETE',
          headers: { Authorization: `Bearer ${server.operatorToken}` },
        });
        expect(response.status).toBe(200);
      },
    ],
    [
      'the server answers 500',
      async (server) => {
        await dev(server, 'faults', 'POST', {
          path: '/token',
          method: 'POST',
          status: 500,
          count: 5,
        });
      },
    ],
  ];

  for (const [name, breakSession] of cases) {
    test(name, async ({ page, cdnServer }) => {
      await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
      await page.goto(cdnServer.url);
      await logIn(page);
      await breakSession(cdnServer, page);
      await page.evaluate(() =>
        (
          window as unknown as { netlifyIdentity: { refresh(force: boolean): Promise<string> } }
        ).netlifyIdentity
          .refresh(true)
          .catch(() => undefined),
      );
      await expect(menu(page).getByRole('button', { name: 'Log in' })).toBeVisible({
        timeout: 10_000,
      });
      expect(await count(page, 'logout')).toBe(1);
      expect(
        (await calls(page)).filter((call) => call.event === 'error').map((call) => call.code),
      ).toEqual(['session_expired']);
      expect(await hasSessionCookie(page)).toBe(false);
    });
  }
});

test('a slow server: the form stays busy, one request is sent, and the login completes', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await dev(cdnServer, 'faults', 'POST', { path: '/token', method: 'POST', delay: 1500 });
  await page.goto(cdnServer.url);
  const tokenRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/.netlify/identity/token')) tokenRequests.push(request.method());
  });
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  const modal = page.locator('netlify-identity-modal');
  await modal.getByLabel('Email').fill(EMAIL);
  await modal.getByLabel('Password').fill(PASSWORD);
  await modal.getByLabel('Password').press('Enter');
  await expect(modal.getByRole('button', { name: 'Logging in…' })).toBeVisible();
  await modal.getByLabel('Password').press('Enter');
  await modal.getByRole('button', { name: 'Logging in…' }).dispatchEvent('click');
  await expect(menu(page)).toContainText('Ada Lovelace');
  expect(tokenRequests).toEqual(['POST']);
  expect(await count(page, 'login')).toBe(1);
});

test('an unreachable server: a readable error, the input kept, and the next try works', async ({
  page,
  cdnServer,
}) => {
  await createConfirmedUser(cdnServer, EMAIL, PASSWORD);
  await page.goto(cdnServer.url);
  await page.route('**/.netlify/identity/token', (route) => route.abort('internetdisconnected'));
  await menu(page).getByRole('button', { name: 'Log in' }).click();
  const modal = page.locator('netlify-identity-modal');
  await modal.getByLabel('Email').fill(EMAIL);
  await modal.getByLabel('Password').fill(PASSWORD);
  await modal.getByRole('button', { name: 'Log in' }).click();
  await expect(modal.getByRole('alert')).toContainText('Can’t reach the server');
  await expect(modal.getByLabel('Email')).toHaveValue(EMAIL);
  await expect(modal.getByLabel('Password')).toHaveValue(PASSWORD);
  await page.unroute('**/.netlify/identity/token');
  await modal.getByRole('button', { name: 'Log in' }).click();
  await expect(menu(page)).toContainText('Ada Lovelace');
});
