import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AccessTokens } from '../../server/tokens.js';
import type { UserRecord } from '../../server/users.js';
import { HOUR, type TestServer, startTestServer } from './helpers.js';

const REDIRECTS = `# Members only: the role rule, then the documented fallback.
/members/*          200!            Role=member,editor
/members/*          /login/   401!
/admin/*            /admin/:splat   200!   Role=admin
/admin/*            /login/   403!
/blog/:year/:slug   /posts/:year/:slug.html   301
/old-page           /login/?from=old   302
/search   q=:term   /results/:term   302
/gone               /missing.html   404
/hello.html         /login/   301
/only-a-path
/bad-status         /login/   abc
/docs/*             /fr/docs/:splat   302   Language=fr
`;

const NETLIFY_TOML = `
[[redirects]]
  from = "/editors/*"
  to = "/members/:splat"
  status = 200
  force = true
  conditions = { Role = ["editor"] }

[[redirects]]
  from = "/editors/*"
  to = "/login/"
  status = 401
  force = true
`;

const FILES: Record<string, string> = {
  'index.html': 'home',
  'hello.html': 'hello file',
  'login/index.html': 'login page',
  'members/index.html': 'members home',
  'members/news.html': 'members news',
  'admin/index.html': 'admin home',
  'missing.html': 'gone page',
  _redirects: REDIRECTS,
};

describe('Redirect rules with roles', () => {
  const project = mkdtempSync(join(tmpdir(), 'identity-redirects-'));
  const site = join(project, 'public');
  const errors: string[] = [];
  let t: TestServer;

  before(async () => {
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), text);
    }
    writeFileSync(join(project, 'netlify.toml'), NETLIFY_TOML);
    t = await startTestServer({
      root: site,
      projectRoot: project,
      quiet: false,
      logger: { log: () => {}, error: (line) => errors.push(line) },
    });
  });
  after(async () => {
    await t.server.stop();
    rmSync(project, { recursive: true, force: true });
  });

  async function get(path: string, token?: string, headers: Record<string, string> = {}) {
    const response = await fetch(t.server.url + path, {
      redirect: 'manual',
      headers: { ...headers, ...(token ? { Cookie: `other=1; nf_jwt=${token}` } : {}) },
    });
    return { status: response.status, text: await response.text(), headers: response.headers };
  }

  async function tokenFor(email: string, roles?: string[]): Promise<string> {
    await t.api.createUser(email, 'pw-123456', roles ? { app_metadata: { roles } } : {});
    return (await t.api.login(email, 'pw-123456')).access_token;
  }

  test('a malformed line is reported once at start with its line number; the rest applies', async () => {
    await get('/');
    const redirectErrors = errors.filter((line) => line.includes('_redirects'));
    assert.equal(redirectErrors.length, 2, redirectErrors.join('\n'));
    assert.match(redirectErrors.join('\n'), /_redirects line 11: .*Missing destination/);
    assert.match(redirectErrors.join('\n'), /_redirects line 12: .*Invalid status code/);
    await get('/members/');
    assert.equal(errors.filter((line) => line.includes('_redirects')).length, 2);
  });

  test('without a session the fallback answers 401 with the login page', async () => {
    for (const path of ['/members', '/members/', '/members/news']) {
      const answer = await get(path);
      assert.equal(answer.status, 401, path);
      assert.equal(answer.text, 'login page');
    }
  });

  test('a user holding one of the roles gets the page', async () => {
    const token = await tokenFor('member@example.com', ['member']);
    assert.deepEqual(await get('/members/', token).then((a) => [a.status, a.text]), [
      200,
      'members home',
    ]);
    assert.deepEqual(await get('/members/news', token).then((a) => [a.status, a.text]), [
      200,
      'members news',
    ]);
    const admin = await get('/admin/', token);
    assert.equal(admin.status, 403, 'member is not admin');
    assert.equal(admin.text, 'login page');
  });

  test('a logged-in user without the role gets the fallback', async () => {
    const token = await tokenFor('plain@example.com');
    assert.equal((await get('/members/', token)).status, 401);
  });

  test('a forged or expired nf_jwt never matches a role', async () => {
    // Signed the way the server signs, with another secret.
    const forged = new AccessTokens(
      new TextEncoder().encode('not-the-server-secret-not-the-server'),
      Date.now,
    ).sign({
      id: '00000000-0000-4000-8000-000000000000',
      aud: '',
      email: 'mallory@example.com',
      appMetadata: { provider: 'email', roles: ['member', 'admin'] },
      userMetadata: null,
    } as unknown as UserRecord);
    assert.equal((await get('/members/', forged)).status, 401);

    const unsigned = [
      Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
      Buffer.from(JSON.stringify({ sub: 'x', app_metadata: { roles: ['member'] } })).toString(
        'base64url',
      ),
      '',
    ].join('.');
    assert.equal((await get('/members/', unsigned)).status, 401);

    const real = await tokenFor('soon-expired@example.com', ['member']);
    assert.equal((await get('/members/', real)).status, 200);
    t.clock.advance(2 * HOUR);
    assert.equal((await get('/members/', real)).status, 401, 'expired');
  });

  test('a role an admin adds takes effect at the next token refresh', async () => {
    const user = await t.api.createUser('late@example.com', 'pw-123456');
    const session = await t.api.login('late@example.com', 'pw-123456');
    assert.equal((await get('/members/', session.access_token)).status, 401);
    const update = await t.api.admin('PUT', `/admin/users/${user.id}`, {
      json: { app_metadata: { roles: ['member'] } },
    });
    assert.equal(update.status, 200);
    assert.equal(
      (await get('/members/', session.access_token)).status,
      401,
      'the old token still says no role',
    );
    const refreshed = await t.api.refresh(session.refresh_token);
    assert.equal(refreshed.status, 200);
    assert.equal((await get('/members/', refreshed.body.access_token)).status, 200);
  });

  test('netlify.toml [[redirects]] with conditions = {Role = [...]} apply after _redirects', async () => {
    const editor = await tokenFor('editor@example.com', ['editor']);
    assert.deepEqual(await get('/editors/news', editor).then((a) => [a.status, a.text]), [
      200,
      'members news',
    ]);
    const anonymous = await get('/editors/news');
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.text, 'login page');
  });

  test('placeholders, splats, query matches and status codes', async () => {
    const blog = await get('/blog/2026/roles');
    assert.equal(blog.status, 301);
    assert.equal(blog.headers.get('location'), '/posts/2026/roles.html');

    const old = await get('/old-page?utm=x');
    assert.equal(old.status, 302);
    assert.equal(old.headers.get('location'), '/login/?from=old', 'the rule’s own query wins');

    const search = await get('/search?q=lit');
    assert.equal(search.status, 302);
    assert.equal(search.headers.get('location'), '/results/lit?q=lit');
    assert.equal((await get('/search')).status, 404, 'no q: the rule does not match');

    const gone = await get('/gone');
    assert.equal(gone.status, 404);
    assert.equal(gone.text, 'gone page');

    const french = await get('/docs/a/b', undefined, { 'Accept-Language': 'fr-CA, en;q=0.5' });
    assert.equal(french.status, 302);
    assert.equal(french.headers.get('location'), '/fr/docs/a/b');
    assert.equal((await get('/docs/a/b', undefined, { 'Accept-Language': 'en' })).status, 404);
  });

  test('a rule that is not forced yields to a file at that path; the first match wins', async () => {
    const hello = await get('/hello.html');
    assert.equal(hello.status, 200);
    assert.equal(hello.text, 'hello file');
  });

  test('an edited _redirects applies on the next request', async () => {
    writeFileSync(join(site, '_redirects'), `/members/*  /login/  302!\n`);
    try {
      const answer = await get('/members/');
      assert.equal(answer.status, 302);
    } finally {
      writeFileSync(join(site, '_redirects'), REDIRECTS);
    }
  });
});
