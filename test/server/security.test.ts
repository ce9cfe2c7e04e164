// What a page on the web, a forged Host or a password guesser can and cannot do.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type TestServer, startTestServer } from './helpers.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request with any Host header, as DNS rebinding or a hand-made client would send it. */
function raw(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('only its own origin: Host allowlist, mail links and OAuth returns', () => {
  let t: TestServer;
  let site: string;
  before(async () => {
    site = mkdtempSync(join(tmpdir(), 'identity-hosts-'));
    writeFileSync(join(site, 'index.html'), '<h1>home</h1>');
    t = await startTestServer({
      root: site,
      allowedHosts: ['dev.example.test', '.preview.example.org'],
    });
    await t.api.createUser('host@example.com', 'pw');
  });
  after(async () => {
    await t.server.stop();
    rmSync(site, { recursive: true, force: true });
  });

  it('refuses a rebound Host with a matching Origin on every route, dev and static included', async () => {
    const evil = `evil.example:${t.server.port}`;
    const headers = { Host: evil, Origin: `http://${evil}` };
    for (const [method, path] of [
      ['GET', '/.netlify/identity/__dev/mail'],
      ['POST', '/.netlify/identity/__dev/reset'],
      ['GET', '/.netlify/identity/settings'],
      ['GET', '/.netlify/identity/admin/users'],
      ['GET', '/'],
      ['GET', '/index.html'],
    ] as const) {
      const answer = await raw(t.server.port, path, headers, method);
      assert.equal(answer.status, 403, `${method} ${path}`);
      assert.match(answer.text, /Host \\?"evil\.example:\d+\\?" is not allowed/);
    }
    const api = await raw(t.server.port, '/.netlify/identity/settings', headers);
    assert.equal(JSON.parse(api.text).code, 403, 'the API refuses in GoTrue shape');
    assert.equal((await t.api.admin('GET', '/admin/users')).body.users.length, 1, 'nothing reset');
  });

  it('answers its own names, IP addresses, *.localhost and the allowed hosts', async () => {
    const port = t.server.port;
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      `[::1]:${port}`,
      `app.localhost:${port}`,
      `192.168.1.20:${port}`,
      `dev.example.test:${port}`,
      `pr-7.preview.example.org`,
      'preview.example.org',
    ]) {
      const answer = await raw(port, '/.netlify/identity/settings', { Host: host });
      assert.equal(answer.status, 200, host);
    }
    for (const host of [
      'example.test',
      'dev.example.test.evil.example',
      'localhost.evil.example',
    ]) {
      assert.equal((await raw(port, '/', { Host: host })).status, 403, host);
    }
  });

  it('mails links to its own origin whatever Host the request carried', async () => {
    for (const [host, origin] of [
      [`127.0.0.1:${t.server.port}`, `http://127.0.0.1:${t.server.port}`],
      // An allowed name is still not trusted to say where mail links go.
      [`dev.example.test:4444`, `http://localhost:${t.server.port}`],
      [`localhost:1`, `http://localhost:${t.server.port}`],
    ]) {
      await t.api.call('POST', '/__dev/reset');
      await t.api.createUser('host@example.com', 'pw');
      const answer = await raw(
        t.server.port,
        '/.netlify/identity/recover',
        { Host: host!, 'Content-Type': 'application/json' },
        'POST',
        JSON.stringify({ email: 'host@example.com' }),
      );
      assert.equal(answer.status, 200, answer.text);
      const mail = await t.api.lastMail('host@example.com', 'recovery');
      assert.equal(mail.url, `${origin}/#recovery_token=${mail.token}`, host);
    }
  });

  it('returns from OAuth to its own origin, not to the Host the flow was started with', async () => {
    await t.api.call('PUT', '/__dev/settings', { json: { external: { github: true } } });
    const start = await raw(t.server.port, '/.netlify/identity/authorize?provider=github', {
      Host: `dev.example.test:4444`,
      Referer: 'http://dev.example.test:4444/page',
    });
    assert.equal(start.status, 302);
    const state = new URL(String(start.headers.location), 'http://x').searchParams.get('state')!;
    const consent = await t.api.call('POST', '/__provider/consent', {
      form: { state, decision: 'allow', email: 'gh@example.com', name: 'GH' },
    });
    const back = await t.api.call(
      'GET',
      consent.headers.get('location')!.slice('/.netlify/identity'.length),
    );
    const location = back.headers.get('location')!;
    assert.ok(location.startsWith(`http://localhost:${t.server.port}/#access_token=`), location);
    // With a rebound Host the flow cannot even start.
    const evil = await raw(t.server.port, '/.netlify/identity/authorize?provider=github', {
      Host: 'evil.example',
    });
    assert.equal(evil.status, 403);
  });

  it('uses the configured site URL, and answers its host', async () => {
    const configured = await startTestServer({ siteUrl: 'https://my-site.example' });
    try {
      await configured.api.createUser('site@example.com', 'pw');
      await configured.api.call('POST', '/recover', { json: { email: 'site@example.com' } });
      const mail = await configured.api.lastMail('site@example.com', 'recovery');
      assert.ok(mail.url.startsWith('https://my-site.example/#recovery_token='), mail.url);
      const answer = await raw(configured.server.port, '/.netlify/identity/settings', {
        Host: 'my-site.example',
      });
      assert.equal(answer.status, 200);
    } finally {
      await configured.server.stop();
    }
  });

  it('still refuses dev and admin calls from pages on other origins', async () => {
    const answer = await t.api.call('POST', '/__dev/reset', {
      headers: { Origin: 'http://localhost:1' },
    });
    assert.equal(answer.status, 403);
  });
});

describe('static files never leave the site folder', () => {
  let t: TestServer;
  let outside: string;
  let site: string;
  before(async () => {
    outside = mkdtempSync(join(tmpdir(), 'identity-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'private');
    mkdirSync(join(outside, 'folder'));
    writeFileSync(join(outside, 'folder', 'index.html'), 'private folder');
    site = mkdtempSync(join(tmpdir(), 'identity-site-'));
    writeFileSync(join(site, 'real.txt'), 'public');
    writeFileSync(join(site, 'config.yml'), 'backend:\n  name: git-gateway\n');
    symlinkSync(join(outside, 'secret.txt'), join(site, 'leak.txt'));
    symlinkSync(join(outside, 'folder'), join(site, 'leak-folder'));
    symlinkSync(join(site, 'real.txt'), join(site, 'alias.txt'));
    t = await startTestServer({ root: site });
  });
  after(async () => {
    await t.server.stop();
    rmSync(site, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('answers 404 for symlinks out of the folder, files and folders alike', async () => {
    for (const path of ['/leak.txt', '/leak-folder/', '/leak-folder/index.html']) {
      const response = await fetch(t.server.url + path);
      assert.equal(response.status, 404, path);
      assert.ok(!(await response.text()).includes('private'), path);
    }
  });

  it('follows symlinks that stay inside, and serves YAML as YAML', async () => {
    const alias = await fetch(`${t.server.url}/alias.txt`);
    assert.equal(await alias.text(), 'public');
    const config = await fetch(`${t.server.url}/config.yml`);
    assert.equal(config.headers.get('content-type'), 'application/yaml; charset=utf-8');
  });
});

describe('attacks a real identity service resists', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    await t.api.createUser('victim@example.com', 'the right one');
  });
  after(() => t.server.stop());

  const login = (username: string, password: string, headers: Record<string, string> = {}) =>
    t.api.call('POST', '/token', {
      form: { grant_type: 'password', username, password },
      headers,
    });

  it('throttles failed logins per account: 429 rate_limited with Retry-After, known or not', async () => {
    for (const account of ['victim@example.com', 'nobody@example.com']) {
      for (let i = 0; i < 10; i++) assert.equal((await login(account, `guess ${i}`)).status, 400);
      const limited = await login(account, 'the right one');
      assert.equal(limited.status, 429, account);
      assert.equal(limited.body.code, 429);
      assert.match(limited.body.msg, /^Too many failed logins: try again in \d+ seconds$/);
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    }
    t.clock.advance(10_000);
    assert.equal((await login('victim@example.com', 'the right one')).status, 200, 'refilled');
  });

  it('throttles failed logins per client across accounts', async () => {
    await t.api.call('POST', '/__dev/reset');
    let status = 0;
    let attempts = 0;
    // 30 at once; the bucket refills by one every 2 s of real time meanwhile.
    while (status !== 429 && attempts < 60) {
      status = (await login(`spray${attempts++}@example.com`, 'password1')).status;
    }
    assert.equal(status, 429);
    assert.ok(attempts > 30, `limited after ${attempts} attempts`);
    t.clock.advance(60_000);
  });

  it('answers a known and an unknown account alike on /token and /recover', async () => {
    await t.api.call('POST', '/__dev/reset');
    await t.api.createUser('known@example.com', 'pw');
    const known = await login('known@example.com', 'wrong');
    const unknown = await login('unknown@example.com', 'wrong');
    assert.deepEqual([known.status, known.body], [unknown.status, unknown.body]);

    for (const email of ['known@example.com', 'unknown@example.com']) {
      const first = await t.api.call('POST', '/recover', { json: { email } });
      assert.deepEqual([first.status, first.body], [200, {}], email);
      const again = await t.api.call('POST', '/recover', { json: { email } });
      assert.deepEqual(
        [again.status, again.body],
        [429, { code: 429, msg: 'Rate limit exceeded, try again later' }],
        email,
      );
      assert.equal(again.headers.get('retry-after'), '900');
    }
    assert.equal((await t.api.mails()).filter((m) => m.type === 'recovery').length, 1);
  });

  it('can be turned off for tests that log in many times', async () => {
    const open = await startTestServer({ loginThrottle: false });
    try {
      for (let i = 0; i < 40; i++) {
        const answer = await open.api.call('POST', '/token', {
          form: { grant_type: 'password', username: 'x@example.com', password: `${i}` },
        });
        assert.equal(answer.status, 400);
      }
    } finally {
      await open.server.stop();
    }
  });

  it('refuses a correctly signed JWT that has no exp', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'identity-jwt-'));
    const dataFile = join(dir, 'data.json');
    const signed = await startTestServer({ dataFile });
    try {
      const user = await signed.api.createUser('noexp@example.com', 'pw');
      const { secret } = JSON.parse(readFileSync(dataFile, 'utf8').split('\n')[0]!);
      const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
      const input = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: user.id, email: user.email })}`;
      const mac = createHmac('sha256', Buffer.from(secret, 'base64')).update(input).digest();
      const token = `${input}.${mac.toString('base64url')}`;
      const answer = await signed.api.call('GET', '/user', { token });
      assert.deepEqual(
        [answer.status, answer.body],
        [401, { code: 401, msg: 'Invalid token: token has no expiry (exp)' }],
      );
      const none = `${encode({ alg: 'none' })}.${encode({ sub: user.id, exp: 9e9 })}.`;
      assert.equal((await signed.api.call('GET', '/user', { token: none })).status, 401);
    } finally {
      await signed.server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
