// The example apps in examples/ (React 19, Vue 3, Svelte 5), each built with its own Vite config
// and served with the local identity server: logging in through <netlify-login> reaches the
// framework's own state through the elements' DOM events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { startIdentityServer } from '../../server/index.js';
import type { IdentityServer } from '../../server/index.js';
import { createConfirmedUser, expect, test } from './fixtures.js';

const FRAMEWORKS = ['react', 'vue', 'svelte'] as const;
const PASSWORD = 'a long and secret passphrase';

for (const framework of FRAMEWORKS) {
  test.describe(`${framework} example`, () => {
    let site: string;
    let server: IdentityServer;

    test.beforeAll(async () => {
      site = mkdtempSync(join(tmpdir(), `example-${framework}-`));
      await build({
        configFile: `examples/${framework}/vite.config.ts`,
        logLevel: 'warn',
        build: { outDir: site, emptyOutDir: true },
      });
      server = await startIdentityServer({ root: site, quiet: true });
    });

    test.afterAll(async () => {
      await server?.stop();
      if (site) rmSync(site, { recursive: true, force: true });
    });

    test(`${framework} state follows login, page load and logout`, async ({ page }) => {
      const email = `${framework}@example.com`;
      await createConfirmedUser(server, email, PASSWORD);
      await page.goto(server.url);
      const user = page.getByTestId('framework-user');
      await expect(user).toHaveText('nobody');

      const login = page.locator('netlify-login');
      await login.getByLabel('Email').fill(email);
      await login.getByLabel('Password').fill(PASSWORD);
      await login.getByRole('button', { name: 'Log in' }).click();
      await expect(user).toHaveText(email);

      // A reload restores the session: `netlify-identity-init` on document.
      await page.reload();
      await expect(user).toHaveText(email);

      await page.locator('netlify-identity-menu').getByRole('button', { name: 'Log out' }).click();
      await expect(user).toHaveText('nobody');
      await expect(page.locator('netlify-login').getByLabel('Email')).toBeVisible();
    });
  });
}
