// The Vite plugin on a real Vite dev server and preview server: the identity API answers next to
// the app, everything else is still Vite's, and the mailbox URL is printed with the server's URLs.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Logger, type PreviewServer, type ViteDevServer, createServer, preview } from 'vite';
import { netlifyIdentity } from '../../server/vite.js';

function captureLogger(lines: string[]): Logger {
  const record = (message: string) => void lines.push(message);
  return {
    info: record,
    warn: record,
    warnOnce: record,
    error: record,
    clearScreen: () => {},
    hasErrorLogged: () => false,
    hasWarned: false,
  };
}

function baseUrl(server: ViteDevServer | PreviewServer): string {
  const local = server.resolvedUrls?.local[0];
  assert.ok(local, 'the server has a local URL');
  return local.replace(/\/$/, '');
}

describe('Vite plugin: dev server', () => {
  let root: string;
  let server: ViteDevServer;
  let url: string;
  const lines: string[] = [];

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'vite-identity-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title><h1>app</h1>');
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'info',
      customLogger: captureLogger(lines),
      server: { port: 0, host: '127.0.0.1', strictPort: false, ws: false },
      plugins: [netlifyIdentity({ quiet: false, operatorToken: 'vite-test-token' })],
    });
    await server.listen();
    url = baseUrl(server);
  });

  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers /.netlify/identity/settings', async () => {
    const response = await fetch(`${url}/.netlify/identity/settings`);
    assert.equal(response.status, 200);
    const settings = (await response.json()) as { disable_signup: boolean; external: object };
    assert.equal(settings.disable_signup, false);
    assert.equal(typeof settings.external, 'object');
  });

  it('signs a user up and captures the confirmation mail', async () => {
    const email = 'vite-user@example.com';
    const response = await fetch(`${url}/.netlify/identity/signup`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    });
    assert.equal(response.status, 200);
    const user = (await response.json()) as { email: string; confirmation_sent_at?: string };
    assert.equal(user.email, email);
    const mails = (await (await fetch(`${url}/.netlify/identity/__dev/mail`)).json()) as {
      to: string;
      type: string;
    }[];
    assert.ok(mails.some((mail) => mail.to === email && mail.type === 'confirmation'));
  });

  it('takes its options: the operator token opens the admin API', async () => {
    const response = await fetch(`${url}/.netlify/identity/admin/users`, {
      headers: { Authorization: 'Bearer vite-test-token' },
    });
    assert.equal(response.status, 200);
  });

  it('leaves every other path to Vite', async () => {
    const response = await fetch(`${url}/`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /<h1>app<\/h1>/);
  });

  it('prints the mailbox URL once, beside the server URLs', () => {
    lines.length = 0;
    server.printUrls();
    const mailbox = lines.filter((line) => line.includes('Mailbox:'));
    assert.equal(mailbox.length, 1);
    assert.ok(mailbox[0]!.includes(`${url}/.netlify/identity/__dev/mailbox`), mailbox[0]);
  });
});

describe('Vite plugin: preview server', () => {
  let root: string;
  let server: PreviewServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'vite-identity-preview-'));
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), '<!doctype html><h1>built</h1>');
    server = await preview({
      root,
      configFile: false,
      logLevel: 'silent',
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
      plugins: [netlifyIdentity({ quiet: true })],
    });
  });

  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers the identity API and serves the build', async () => {
    const url = baseUrl(server);
    const settings = await fetch(`${url}/.netlify/identity/settings`);
    assert.equal(settings.status, 200);
    assert.match(await (await fetch(`${url}/`)).text(), /<h1>built<\/h1>/);
  });
});

describe('Vite plugin: allowed hosts and a data file across restarts', () => {
  let root: string;
  let server: ViteDevServer;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'vite-identity-hosts-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><h1>app</h1>');
    server = await createServer({
      root,
      configFile: false,
      logLevel: 'silent',
      server: {
        port: 0,
        host: '127.0.0.1',
        strictPort: false,
        ws: false,
        allowedHosts: ['app.example.test'],
      },
      plugins: [
        netlifyIdentity({
          quiet: true,
          operatorToken: 'vite-hosts-token',
          dataFile: join(root, 'identity.json'),
        }),
      ],
    });
    await server.listen();
  });

  after(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  function get(path: string, host: string): Promise<number> {
    const { port } = new URL(baseUrl(server));
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
  }

  it("answers the hosts Vite's server.allowedHosts allows, and refuses others", async () => {
    assert.equal(await get('/.netlify/identity/settings', 'app.example.test'), 200);
    assert.equal(await get('/.netlify/identity/settings', 'evil.example'), 403);
  });

  it('keeps its users when Vite restarts the server (the new one opens the data file)', async () => {
    const admin = { Authorization: 'Bearer vite-hosts-token', 'Content-Type': 'application/json' };
    const created = await fetch(`${baseUrl(server)}/.netlify/identity/admin/users`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ email: 'kept@example.com', password: 'pw', confirm: true }),
    });
    assert.equal(created.status, 200);
    await server.restart();
    const list = await fetch(`${baseUrl(server)}/.netlify/identity/admin/users`, {
      headers: admin,
    });
    assert.equal(list.status, 200);
    const body = (await list.json()) as { users: { email: string }[] };
    assert.deepEqual(
      body.users.map((user) => user.email),
      ['kept@example.com'],
    );
  });
});
