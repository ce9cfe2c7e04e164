import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type TestServer, startTestServer } from './helpers.js';

function makeSite(): string {
  const root = mkdtempSync(join(tmpdir(), 'identity-site-'));
  mkdirSync(join(root, 'sub'));
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    'sub/index.html': '<h1>sub</h1>',
    'app.js': 'export {}',
    'app.mjs': 'export {}',
    'style.css': 'body{}',
    'data.json': '{}',
    'icon.svg': '<svg/>',
    'app.js.map': '{}',
    'notes.txt': 'hi',
    'font.woff2': 'x',
    'image.png': 'x',
    'favicon.ico': 'x',
    'config.yml': 'backend: {}',
    'data.yaml': 'a: 1',
    'module.wasm': 'x',
    'site.webmanifest': '{}',
    'font.woff': 'x',
    'font.ttf': 'x',
    'photo.jpg': 'x',
    'picture.webp': 'x',
    'feed.xml': '<feed/>',
    'unknown.xyz': 'x',
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(root, name), content);
  return root;
}

describe('static files', () => {
  let t: TestServer;
  let root: string;
  before(async () => {
    root = makeSite();
    t = await startTestServer({ root });
  });
  after(async () => {
    await t.server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves files with their content types', async () => {
    const types: Record<string, string> = {
      '/': 'text/html; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/app.mjs': 'text/javascript; charset=utf-8',
      '/style.css': 'text/css; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/icon.svg': 'image/svg+xml',
      '/app.js.map': 'application/json; charset=utf-8',
      '/notes.txt': 'text/plain; charset=utf-8',
      '/font.woff2': 'font/woff2',
      '/image.png': 'image/png',
      '/favicon.ico': 'image/x-icon',
      '/config.yml': 'application/yaml; charset=utf-8',
      '/data.yaml': 'application/yaml; charset=utf-8',
      '/module.wasm': 'application/wasm',
      '/site.webmanifest': 'application/manifest+json; charset=utf-8',
      '/font.woff': 'font/woff',
      '/font.ttf': 'font/ttf',
      '/photo.jpg': 'image/jpeg',
      '/picture.webp': 'image/webp',
      '/feed.xml': 'application/xml; charset=utf-8',
      '/unknown.xyz': 'application/octet-stream',
    };
    for (const [path, type] of Object.entries(types)) {
      const response = await fetch(t.server.url + path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), type, path);
    }
    assert.equal(await (await fetch(`${t.server.url}/?x=1`)).text(), '<h1>home</h1>');
  });

  it('serves index.html for a folder, redirecting to the trailing slash first', async () => {
    const bare = await fetch(`${t.server.url}/sub?a=1`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/sub/?a=1');
    assert.equal(await (await fetch(`${t.server.url}/sub/`)).text(), '<h1>sub</h1>');
  });

  it('answers HEAD without a body, other methods with 405, missing files with a 404 page', async () => {
    const head = await fetch(`${t.server.url}/notes.txt`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), '2');
    assert.equal(await head.text(), '');
    assert.equal((await fetch(`${t.server.url}/notes.txt`, { method: 'POST' })).status, 405);
    const missing = await fetch(`${t.server.url}/missing.html`);
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type')!, /^text\/html/);
  });

  it('never serves anything outside the root', async () => {
    const raw = (path: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(t.server.port, '127.0.0.1', () =>
          socket.end(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`),
        );
        let received = '';
        socket.on('data', (chunk) => (received += chunk));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
    const secret = join(root, '..', `${root.split('/').at(-1)}-secret.txt`);
    writeFileSync(secret, 'secret');
    try {
      for (const path of [
        `/../${secret.split('/').at(-1)}`,
        `/%2e%2e/${secret.split('/').at(-1)}`,
        '/..%2f..%2fetc%2fpasswd',
        '/%00',
        '/%zz',
      ]) {
        const answer = await raw(path);
        assert.match(answer, /^HTTP\/1\.1 40[04]/, path);
        assert.ok(!answer.includes('secret\n') && !answer.endsWith('secret'), path);
      }
    } finally {
      rmSync(secret);
    }
  });

  it('still routes /.netlify/identity to the API', async () => {
    assert.equal((await t.api.call('GET', '/settings')).status, 200);
  });
});

describe('the CLI', () => {
  const runner = fileURLToPath(new URL('./fixtures/run-cli.ts', import.meta.url));
  let site: string;
  before(() => {
    site = makeSite();
  });
  after(() => rmSync(site, { recursive: true, force: true }));

  function run(args: string[], env: Record<string, string> = {}) {
    const child = spawn(process.execPath, ['--import', 'tsx', runner, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (chunk) => (output.stdout += chunk));
    child.stderr.on('data', (chunk) => (output.stderr += chunk));
    const exited = once(child, 'exit').then(([code]) => code as number | null);
    const printed = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const check = () => {
          const match = output.stdout.match(pattern);
          if (match) resolve(match);
        };
        child.stdout.on('data', check);
        check();
        void exited.then(() =>
          reject(new Error(`exited without printing ${pattern}: ${output.stdout}${output.stderr}`)),
        );
      });
    return { child, output, exited, printed };
  }

  it('prints usage for --help', async () => {
    const cli = run(['--help']);
    assert.equal(await cli.exited, 0);
    assert.match(cli.output.stdout, /Usage: netlify-identity-elements serve \[dir\]/);
    assert.match(cli.output.stdout, /--port N/);
  });

  it('serves a folder, prints the URLs and the operator token, and stops on SIGTERM', async () => {
    const cli = run(['serve', site, '--port', '0'], { IDENTITY_OPERATOR_TOKEN: 'from-env' });
    const [, url] = await cli.printed(/Site:\s+(http:\/\/localhost:\d+)\n/);
    assert.match(
      cli.output.stdout,
      new RegExp(`Mailbox:\\s+${url}/\\.netlify/identity/__dev/mailbox`),
    );
    assert.match(cli.output.stdout, /Operator token:\s+from-env/);
    assert.equal(await (await fetch(`${url}/`)).text(), '<h1>home</h1>');
    assert.equal((await fetch(`${url}/.netlify/identity/settings`)).status, 200);
    cli.child.kill('SIGTERM');
    assert.equal(await cli.exited, 0);
  });

  it('says in one line when the port is taken', async () => {
    const blocker = await startTestServer();
    try {
      const cli = run(['serve', site, '--port', String(blocker.server.port)]);
      assert.equal(await cli.exited, 1);
      assert.equal(cli.output.stderr.trim().split('\n').length, 1);
      assert.match(cli.output.stderr, new RegExp(`Port ${blocker.server.port} is already in use`));
    } finally {
      await blocker.server.stop();
    }
  });

  it('takes --allowed-host, --site-url and --no-throttle', async () => {
    const cli = run([
      'serve',
      site,
      '--port',
      '0',
      '--allowed-host',
      'app.example.test',
      '--allowed-host',
      '.preview.example.test',
      '--site-url',
      'https://my-site.example',
      '--no-throttle',
    ]);
    const [, url] = await cli.printed(/Site:\s+(http:\/\/localhost:\d+)\n/);
    const port = Number(new URL(url!).port);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/', headers: { Host: host } },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', reject);
        req.end();
      });
    try {
      assert.equal(await status('app.example.test'), 200);
      assert.equal(await status('pr-1.preview.example.test'), 200);
      assert.equal(await status('my-site.example'), 200);
      assert.equal(await status('evil.example'), 403);
      for (let i = 0; i < 12; i++) {
        const answer = await fetch(`${url}/.netlify/identity/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'grant_type=password&username=a%40example.com&password=wrong',
        });
        assert.equal(answer.status, 400, 'no throttle');
      }
    } finally {
      cli.child.kill('SIGTERM');
    }
    assert.equal(await cli.exited, 0);
  });

  it('refuses a --site-url that is not an http(s) URL', async () => {
    const cli = run(['serve', site, '--site-url', 'javascript:alert(1)']);
    assert.equal(await cli.exited, 1);
    assert.match(cli.output.stderr, /Invalid --site-url/);
  });

  it('refuses a folder that does not exist', async () => {
    const cli = run(['serve', join(site, 'missing')]);
    assert.equal(await cli.exited, 1);
    assert.match(cli.output.stderr, /Not a directory/);
  });
});
