import { test as base, expect } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIdentityServer } from '../../server/index.js';
import type { IdentityServer } from '../../server/index.js';

const DEMO = '.demo-build';

export interface Mail {
  to: string;
  type: string;
  token: string;
  url: string;
}

const CDN_SCRIPT = 'dist/cdn/netlify-identity.js';
const CDN_FOLDER = 'dist/cdn';

/** Each test gets its own server (settings and faults never leak) and fails on any page error. */
export const test = base.extend<{
  server: IdentityServer;
  cdnServer: IdentityServer;
  pageErrors: string[];
}>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`npm run build\` first.`);
    // As `npm start` serves it: with the demo's Identity event function.
    const server = await startIdentityServer({
      root: DEMO,
      quiet: true,
      functions: 'demo/netlify/functions',
    });
    await use(server);
    await server.stop();
  },
  /**
   * The legacy widget's README page and friends, with the CDN bundle as /netlify-identity.js and
   * its parts and languages beside it.
   */
  // eslint-disable-next-line no-empty-pattern
  cdnServer: async ({}, use) => {
    if (!existsSync(CDN_SCRIPT))
      throw new Error(`${CDN_SCRIPT} is missing: run \`npm run build\` first.`);
    const site = mkdtempSync(join(tmpdir(), 'cdn-site-'));
    cpSync('test/e2e/pages', site, { recursive: true });
    cpSync(CDN_FOLDER, site, { recursive: true });
    const server = await startIdentityServer({ root: site, quiet: true });
    await use(server);
    await server.stop();
    rmSync(site, { recursive: true, force: true });
  },
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export async function mails(server: IdentityServer): Promise<Mail[]> {
  return (await fetch(`${server.url}/.netlify/identity/__dev/mail`)).json() as Promise<Mail[]>;
}

export async function devSettings(server: IdentityServer, settings: Record<string, unknown>) {
  const response = await fetch(`${server.url}/.netlify/identity/__dev/settings`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  expect(response.status).toBe(200);
}

export { expect };

export async function createConfirmedUser(
  server: IdentityServer,
  email: string,
  password: string,
  fullName = 'Ada Lovelace',
  appMetadata?: Record<string, unknown>,
): Promise<void> {
  const response = await fetch(`${server.url}/.netlify/identity/admin/users`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${server.operatorToken}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({
      email,
      password,
      confirm: true,
      user_metadata: { full_name: fullName },
      app_metadata: appMetadata,
    }),
  });
  expect(response.status).toBe(200);
}

/** Asks for a password recovery mail for `email`, as "Forgot password?" does; the mail it gets. */
export async function recoveryMail(server: IdentityServer, email: string): Promise<Mail> {
  const response = await fetch(`${server.url}/.netlify/identity/recover`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(200);
  return lastMailTo(server, email, 'recovery');
}

/** Invites `email` as the site's operator; the mail it gets (its link carries the invite token). */
export async function inviteMail(server: IdentityServer, email: string): Promise<Mail> {
  const response = await fetch(`${server.url}/.netlify/identity/invite`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${server.operatorToken}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ email }),
  });
  expect(response.status).toBe(200);
  return lastMailTo(server, email, 'invite');
}

export async function lastMailTo(
  server: IdentityServer,
  email: string,
  type: string,
): Promise<Mail> {
  const found = (await mails(server))
    .filter((mail) => mail.to === email && mail.type === type)
    .pop();
  if (!found) throw new Error(`no ${type} mail to ${email}`);
  return found;
}
