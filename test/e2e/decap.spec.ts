// The real Decap CMS build on /admin/ with this package's script, as Decap documents the setup:
// the home-page snippet sends a new login to /admin/, where Decap's git-gateway backend takes the
// user from netlifyIdentity and shows the CMS, with no second login. The Git Gateway
// (/.netlify/git) is not an identity flow and the local server does not serve it: the test answers
// its few requests, and checks that each carried the logged-in user's JWT.
import type { Page, Route } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIdentityServer } from '../../server/index.js';
import type { IdentityServer } from '../../server/index.js';
import { DECAP_VERSION, decapBuild } from './decap-cms.js';
import { createConfirmedUser, expect, test as base } from './fixtures.js';

const EMAIL = 'ada@example.com';
const PASSWORD = 'the analytical engine';
const BRANCH_SHA = 'b1f6c3a2d4e5f60718293a4b5c6d7e8f90a1b2c3';
const ENTRY_SHA = 'e0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c4';
const ENTRY = '---\ntitle: Hello from the Analytical Engine\n---\nFirst post.\n';

const build = await decapBuild();

const test = base.extend<{ decapServer: IdentityServer; gateway: GitGateway }>({
  // The site Decap documents, served with no copy of the CDN script: `serve` answers it from the
  // package's build.
  // eslint-disable-next-line no-empty-pattern
  decapServer: async ({}, use) => {
    if (!('folder' in build)) throw new Error(build.unavailable);
    const site = mkdtempSync(join(tmpdir(), 'decap-site-'));
    cpSync('test/e2e/decap-site', site, { recursive: true });
    cpSync(build.folder, join(site, 'decap-cms'), { recursive: true });
    const server = await startIdentityServer({ root: site, quiet: true });
    await use(server);
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  },
  gateway: async ({ page }, use) => {
    const gateway = new GitGateway();
    await gateway.install(page);
    await use(gateway);
  },
});

if ('unavailable' in build) console.warn(`Skipping the Decap CMS tests: ${build.unavailable}.`);
test.skip('unavailable' in build, 'unavailable' in build ? build.unavailable : '');
// decap-cms.js is 5 MB of script to parse, on a machine that may be busy.
test.setTimeout(90_000);

/**
 * Answers Decap's git-gateway backend as Netlify's Git Gateway does for a GitHub repository with
 * one blog post, and keeps the bearer token of every request.
 */
class GitGateway {
  readonly requests: { path: string; authorization: string | undefined }[] = [];
  readonly unexpected: string[] = [];

  async install(page: Page): Promise<void> {
    await page.route('**/.netlify/git/**', (route) => this.answer(route));
    // Decap asks Netlify's status page whether the Git Gateway is up.
    await page.route('https://www.netlifystatus.com/**', (route) =>
      route.fulfill({
        json: { components: [{ id: 'git-gateway', name: 'Git Gateway', status: 'operational' }] },
      }),
    );
  }

  /** The bearer tokens the requests carried, each once. */
  get tokens(): string[] {
    return [...new Set(this.requests.map(({ authorization }) => authorization ?? 'none'))];
  }

  private answer(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    const path = url.pathname.replace(/^\/\.netlify\/git/, '');
    this.requests.push({ path, authorization: route.request().headers()['authorization'] });
    switch (path) {
      case '/settings':
        return route.fulfill({ json: { github_enabled: true, roles: null } });
      case '/github/branches/main':
        return route.fulfill({
          json: {
            name: 'main',
            commit: { sha: BRANCH_SHA },
            _links: { self: 'https://api.github.com/repos/ada/site/branches/main' },
          },
        });
      case '/github/git/trees/main:content/blog':
        return route.fulfill({
          json: {
            sha: BRANCH_SHA,
            tree: [{ path: 'hello.md', mode: '100644', type: 'blob', sha: ENTRY_SHA, size: 60 }],
            truncated: false,
          },
        });
      case `/github/git/blobs/${ENTRY_SHA}`:
        return route.fulfill({
          json: {
            sha: ENTRY_SHA,
            size: ENTRY.length,
            encoding: 'base64',
            content: Buffer.from(ENTRY).toString('base64'),
          },
        });
      case '/github/commits':
        return route.fulfill({
          json: [
            { sha: BRANCH_SHA, commit: { author: { name: 'Ada', date: '2026-12-01T10:00:00Z' } } },
          ],
        });
      case '/github/git/trees/main:static/images/uploads':
        // An empty media folder: GitHub has no tree for it.
        return route.fulfill({ status: 404, json: { message: 'Not Found' } });
      default:
        this.unexpected.push(`${route.request().method()} ${path}${url.search}`);
        return route.fulfill({ status: 404, json: { message: 'Not Found' } });
    }
  }
}

/** Records, on every page load of the test, whether the identity modal opened. */
async function watchModal(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = { modalOpened: false };
    Object.assign(window, { seen });
    document.addEventListener('netlify-identity-open', () => (seen.modalOpened = true));
  });
}

const modalOpened = (page: Page) =>
  page.evaluate(() => (window as unknown as { seen: { modalOpened: boolean } }).seen.modalOpened);

async function logInThroughMenu(page: Page): Promise<void> {
  const menu = page.locator('netlify-identity-menu');
  const modal = page.locator('netlify-identity-modal');
  await menu.getByRole('button', { name: 'Log in' }).click();
  await modal.getByLabel('Email').fill(EMAIL);
  await modal.getByLabel('Password').fill(PASSWORD);
  await modal.getByRole('button', { name: 'Log in' }).click();
}

/** Decap's collection view, past its login screen: the collection and the post the gateway gave. */
async function expectCms(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Blog', level: 1 })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByText('Hello from the Analytical Engine')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create entry of type Blog' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Login with Netlify Identity' })).toHaveCount(0);
}

/** Decap's documented setup: logging in on the home page leads into the CMS on /admin/. */
async function logInOnHomePage(page: Page, server: IdentityServer): Promise<void> {
  await createConfirmedUser(server, EMAIL, PASSWORD);
  await page.goto(server.url);
  await logInThroughMenu(page);
  await page.waitForURL(`${server.url}/admin/`);
  await expectCms(page);
}

/** Every Git Gateway request carried one token: a valid JWT of the user logged in on the page. */
async function expectUserJwt(page: Page, server: IdentityServer, gateway: GitGateway) {
  expect(gateway.unexpected).toEqual([]);
  expect(gateway.requests.map(({ path }) => path)).toContain('/settings');
  expect(gateway.tokens).toHaveLength(1);
  const [scheme, jwt] = gateway.tokens[0]!.split(' ');
  expect(scheme).toBe('Bearer');
  const claims = JSON.parse(Buffer.from(jwt!.split('.')[1]!, 'base64url').toString()) as {
    email: string;
  };
  expect(claims.email).toBe(EMAIL);
  // Signed by the server, for that user.
  const answer = await fetch(`${server.url}/.netlify/identity/user`, {
    headers: { Authorization: `Bearer ${jwt}` },
  });
  expect(answer.status).toBe(200);
  expect(((await answer.json()) as { email: string }).email).toBe(EMAIL);
  // The session of the page: what netlifyIdentity gives Decap.
  const pageToken = await page.evaluate(
    () =>
      (
        window as unknown as {
          netlifyIdentity: { currentUser(): { token: { access_token: string } } };
        }
      ).netlifyIdentity.currentUser().token.access_token,
  );
  expect(pageToken).toBe(jwt);
}

test(`Decap CMS ${DECAP_VERSION}: the home-page snippet logs in on /, and the real CMS on /admin/ opens for that user with no second login`, async ({
  page,
  decapServer,
  gateway,
}) => {
  await watchModal(page);
  await logInOnHomePage(page, decapServer);
  // Decap took the user from netlifyIdentity: nothing asked to log in again.
  expect(await modalOpened(page)).toBe(false);
  await expectUserJwt(page, decapServer, gateway);
});

test(`Decap CMS ${DECAP_VERSION}: a user already logged in who opens /admin/ directly gets the CMS at once`, async ({
  page,
  decapServer,
  gateway,
}) => {
  await watchModal(page);
  await logInOnHomePage(page, decapServer);
  const firstTokens = gateway.tokens;
  // Later, straight to /admin/ (a bookmark): a new load with the session stored on the device.
  await page.goto('about:blank');
  gateway.requests.length = 0;
  await page.goto(`${decapServer.url}/admin/`);
  await expectCms(page);
  expect(await modalOpened(page)).toBe(false);
  await expectUserJwt(page, decapServer, gateway);
  expect(gateway.tokens).toEqual(firstTokens);
});

test(`Decap CMS ${DECAP_VERSION}: logged out on /admin/, its login button opens the modal, and the login opens the CMS`, async ({
  page,
  decapServer,
  gateway,
}) => {
  await createConfirmedUser(decapServer, EMAIL, PASSWORD);
  await page.goto(`${decapServer.url}/admin/`);
  await page.getByRole('button', { name: 'Login with Netlify Identity' }).click();
  const modal = page.locator('netlify-identity-modal');
  await expect(page.getByRole('dialog', { name: 'Log in' })).toBeVisible();
  await modal.getByLabel('Email').fill(EMAIL);
  await modal.getByLabel('Password').fill(PASSWORD);
  await modal.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expectCms(page);
  await expectUserJwt(page, decapServer, gateway);
});

test(`Decap CMS ${DECAP_VERSION}: logging out in the CMS ends the session, and Decap's login modal logs in again`, async ({
  page,
  decapServer,
  gateway,
}) => {
  await logInOnHomePage(page, decapServer);
  await page.getByRole('button', { name: 'Account options dropdown' }).click();
  await page.getByRole('menuitem', { name: 'Log Out' }).click();
  // Decap hears the logout callback and opens the login, as it does with the legacy widget.
  const dialog = page.getByRole('dialog', { name: 'Log in' });
  await expect(dialog).toBeVisible();
  const currentEmail = () =>
    page.evaluate(
      () =>
        (
          window as unknown as { netlifyIdentity: { currentUser(): { email: string } | null } }
        ).netlifyIdentity.currentUser()?.email ?? null,
    );
  expect(await currentEmail()).toBeNull();
  expect((await page.context().cookies()).some((cookie) => cookie.name === 'nf_jwt')).toBe(false);
  const modal = page.locator('netlify-identity-modal');
  await modal.getByLabel('Email').fill(EMAIL);
  await modal.getByLabel('Password').fill(PASSWORD);
  await modal.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(await currentEmail()).toBe(EMAIL);
  await expectCms(page);
  expect(gateway.unexpected).toEqual([]);
});
