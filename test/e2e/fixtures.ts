import { test as base, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { startIdentityServer } from '../../server/index.js';
import type { IdentityServer } from '../../server/index.js';

const DEMO = '.demo-build';

export interface Mail {
  to: string;
  type: string;
  token: string;
  url: string;
}

/** Each test gets its own server (settings and faults never leak) and fails on any page error. */
export const test = base.extend<{ server: IdentityServer; pageErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: run \`npm run build\` first.`);
    const server = await startIdentityServer({ root: DEMO, quiet: true });
    await use(server);
    await server.stop();
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
