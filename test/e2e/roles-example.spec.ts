// examples/roles on Netlify's own local runtime (@netlify/vite-plugin) beside the local identity
// server: a signup function gives the role, a function reads the user with @netlify/identity.
// The runtime needs Node 22.12+: NODE_22 names a binary, else the Node running the tests if it is
// new enough, else the Node 22 that scripts/node-versions.mjs installs from the npm registry.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { expect, test } from './fixtures.js';

function nodeVersion(binary: string): number[] | undefined {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' })
      .trim()
      .slice(1)
      .split('.')
      .map(Number);
  } catch {
    return undefined;
  }
}

function installedNode22(): string | undefined {
  try {
    return execFileSync(process.execPath, ['scripts/node-versions.mjs', '--bin', '22'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    return undefined;
  }
}

function findNode22(): string | undefined {
  const isNode22 = (binary: string | undefined): binary is string => {
    if (!binary || !existsSync(binary)) return false;
    const [major = 0, minor = 0] = nodeVersion(binary) ?? [];
    return major > 22 || (major === 22 && minor >= 12);
  };
  return [process.env.NODE_22, process.execPath].find(isNode22) ?? installedNode22();
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const node22 = findNode22();

test.describe('roles example on Netlify’s local runtime', () => {
  test.skip(!node22, 'needs Node 22.12+: set NODE_22, or let scripts/node-versions.mjs install it');
  test.describe.configure({ timeout: 240_000 });

  let vite: ChildProcess | undefined;
  let url = '';
  const output: string[] = [];

  test.beforeAll(async () => {
    // The runtime's first start builds its functions and optimises dependencies.
    test.setTimeout(240_000);
    const port = await freePort();
    vite = spawn(
      node22!,
      [
        'node_modules/vite/bin/vite.js',
        '--config',
        'examples/roles/vite.config.ts',
        '--port',
        String(port),
        '--strictPort',
      ],
      { env: { ...process.env, BROWSER: 'none', NETLIFY_SITE_ID: '' }, stdio: 'pipe' },
    );
    vite.stdout!.on('data', (chunk) => output.push(String(chunk)));
    vite.stderr!.on('data', (chunk) => output.push(String(chunk)));
    url = `http://localhost:${port}`;
    const deadline = Date.now() + 180_000;
    // eslint-disable-next-line no-control-regex
    const plain = () => output.join('').replace(/\x1b\[[0-9;]*m/g, '');
    while (!plain().includes('Local:')) {
      if (vite.exitCode !== null || Date.now() > deadline) {
        throw new Error(`vite did not start:\n${plain()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  test.afterAll(() => {
    vite?.kill();
  });

  test('a new member reads the members’ data through a function that checks the user', async ({
    page,
  }) => {
    const settings = await fetch(`${url}/.netlify/identity/__dev/settings`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ autoconfirm: true }),
    });
    expect(settings.status).toBe(200);

    const anonymous = await fetch(`${url}/api/members`);
    expect(anonymous.status).toBe(401);

    await page.goto(url);
    const signup = page.locator('netlify-signup');
    await signup.getByLabel('Name').fill('Ada Lovelace');
    await signup.getByLabel('Email').fill('ada@example.com');
    await signup.getByLabel('Password').fill('the analytical engine');
    await signup.getByRole('button', { name: 'Sign up' }).click();

    // The signup function's role is in the first token, so the gate opens at once.
    await page.getByRole('button', { name: "Load the members' data" }).click();
    await expect(page.getByRole('status').filter({ hasText: /^200/ })).toHaveText(
      '200: Hello ada@example.com, one of 1 member.',
      { timeout: 60_000 },
    );

    const forged = await fetch(`${url}/api/members`, {
      headers: {
        Cookie:
          'nf_jwt=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwiYXBwX21ldGFkYXRhIjp7InJvbGVzIjpbIm1lbWJlciJdfX0.x',
        'X-Nf-Identity-Info': Buffer.from(
          JSON.stringify({ url: 'http://evil.example', user: { sub: 'x', email: 'x@x' } }),
        ).toString('base64'),
      },
    });
    expect(forged.status).toBe(401);
  });
});
