import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

describe('the CDN script from the package build', () => {
  const build = fileURLToPath(new URL('../../dist/cdn/', import.meta.url));
  const built = (name: string) => readFileSync(join(build, name), 'utf8');
  /** Compares without printing a whole bundle on failure. */
  const assertBuilt = (text: string, name: string) =>
    assert.ok(text === built(name), `not the build's ${name}: ${text.slice(0, 80)}`);
  let bare: TestServer;
  let bareRoot: string;
  let own: TestServer;
  let ownRoot: string;
  before(async () => {
    assert.ok(
      existsSync(join(build, 'netlify-identity.js')),
      'dist/cdn/ is missing: run `npm run build` first',
    );
    // A page with the script tag and nothing else, behind a single-page-app catch-all rule.
    bareRoot = mkdtempSync(join(tmpdir(), 'identity-bare-site-'));
    writeFileSync(join(bareRoot, 'index.html'), '<script src="/netlify-identity.js"></script>');
    writeFileSync(join(bareRoot, '_redirects'), '/*  /index.html  200\n');
    bare = await startTestServer({ root: bareRoot });
    // A site that ships its own copy of the script and of one language.
    ownRoot = mkdtempSync(join(tmpdir(), 'identity-own-site-'));
    mkdirSync(join(ownRoot, 'locales'));
    writeFileSync(join(ownRoot, 'netlify-identity.js'), '/* the site’s own */');
    writeFileSync(join(ownRoot, 'locales', 'fr.js'), '/* the site’s own French */');
    own = await startTestServer({ root: ownRoot });
  });
  after(async () => {
    await bare.server.stop();
    await own.server.stop();
    rmSync(bareRoot, { recursive: true, force: true });
    rmSync(ownRoot, { recursive: true, force: true });
  });

  it('answers the script, its parts, their source maps and the languages when the site has none', async () => {
    const names = [
      'netlify-identity.js',
      'netlify-identity-views.js',
      'netlify-identity-client.js',
      'netlify-identity-signup.js',
      'netlify-identity-account.js',
      'netlify-identity-callback.js',
      'locales/fr.js',
      'locales/zh-CN.js',
    ];
    for (const name of names) {
      const response = await fetch(`${bare.server.url}/${name}?v=1`);
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8', name);
      assertBuilt(await response.text(), name);
    }
    const map = await fetch(`${bare.server.url}/netlify-identity-views.js.map`);
    assert.equal(map.status, 200);
    assert.equal(map.headers.get('content-type'), 'application/json; charset=utf-8');
    assertBuilt(await map.text(), 'netlify-identity-views.js.map');
    const head = await fetch(`${bare.server.url}/netlify-identity.js`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(
      Number(head.headers.get('content-length')),
      Buffer.byteLength(built('netlify-identity.js')),
    );
    assert.equal(await head.text(), '');
  });

  it('lets a file of the site win', async () => {
    assert.equal(
      await (await fetch(`${own.server.url}/netlify-identity.js`)).text(),
      '/* the site’s own */',
    );
    assert.equal(
      await (await fetch(`${own.server.url}/locales/fr.js`)).text(),
      '/* the site’s own French */',
    );
    // What the site lacks still comes from the build.
    assertBuilt(await (await fetch(`${own.server.url}/locales/de.js`)).text(), 'locales/de.js');
    assertBuilt(
      await (await fetch(`${own.server.url}/netlify-identity-views.js`)).text(),
      'netlify-identity-views.js',
    );
  });

  it('answers 404 for names under the same prefix that the build does not have', async () => {
    for (const path of [
      '/netlify-identity-nope.js',
      '/netlify-identity-views.js.gz',
      '/netlify-identity.json',
      '/netlify-identity',
      '/locales/xx.js',
      '/locales/fr.json',
      '/locales/../package.json',
      '/sub/netlify-identity.js',
    ]) {
      const response = await fetch(own.server.url + path);
      assert.equal(response.status, 404, path);
    }
  });

  it('counts the build as a file there, so an unforced catch-all rule does not hide the script', async () => {
    const script = await fetch(`${bare.server.url}/netlify-identity.js`);
    assertBuilt(await script.text(), 'netlify-identity.js');
    // The rule still applies elsewhere, an unknown part included.
    const other = await fetch(`${bare.server.url}/netlify-identity-nope.js`);
    assert.equal(other.status, 200);
    assert.equal(await other.text(), '<script src="/netlify-identity.js"></script>');
  });

  it('answers only GET and HEAD', async () => {
    const post = await fetch(`${own.server.url}/netlify-identity-views.js`, { method: 'POST' });
    assert.equal(post.status, 405);
  });

  it('is found from the package, not the current directory, by the built CLI', async () => {
    const bin = fileURLToPath(new URL('../../bin/netlify-identity-elements.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'serve', '.', '--port', '0'], {
      cwd: bareRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          stdout += chunk;
          const match = stdout.match(/Site:\s+(http:\/\/localhost:\d+)\n/);
          if (match) resolve(match[1]!);
        });
        child.once('exit', () => reject(new Error(`exited: ${stdout}`)));
      });
      const response = await fetch(`${url}/netlify-identity.js`);
      assert.equal(response.status, 200);
      assertBuilt(await response.text(), 'netlify-identity.js');
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
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
