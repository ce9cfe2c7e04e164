import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { IDENTITY_PATH } from '../../server/index.js';
import { type TestServer, startTestServer } from './helpers.js';

describe('OAuth through the local consent page', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.server.stop());
  beforeEach(async () => {
    await t.api.call('POST', '/__dev/reset');
    await t.api.call('PUT', '/__dev/settings', { json: { external: { github: true } } });
  });

  /** Follows redirects while they stay in the identity API; returns where it finally sends the browser. */
  async function follow(response: Response): Promise<string> {
    while (response.status === 302) {
      const location = new URL(response.headers.get('location')!, t.server.url);
      if (!location.pathname.startsWith(IDENTITY_PATH)) return location.href;
      response = await fetch(location, { redirect: 'manual' });
    }
    assert.fail(`expected a redirect, got ${response.status}: ${await response.text()}`);
  }

  async function openConsent(query: string, referer?: string) {
    const headers: Record<string, string> = referer ? { Referer: referer } : {};
    const authorize = await fetch(`${t.api.base}/authorize?${query}`, {
      headers,
      redirect: 'manual',
    });
    assert.equal(authorize.status, 302, await authorize.clone().text());
    const consentUrl = new URL(authorize.headers.get('location')!, t.server.url);
    assert.equal(consentUrl.pathname, `${IDENTITY_PATH}/__provider/consent`);
    const page = await fetch(consentUrl);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    const html = await page.text();
    const field = (name: string) =>
      new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1];
    return { html, state: field('state')!, email: field('email')!, name: field('name')! };
  }

  function answer(state: string, decision: string, email = 'octo@example.com', name = 'Octo Cat') {
    return fetch(`${t.api.base}/__provider/consent`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ state, decision, email, name }),
      redirect: 'manual',
    });
  }

  function hashOf(location: string) {
    return Object.fromEntries(new URLSearchParams(new URL(location).hash.slice(1)));
  }

  it('shows an accessible consent page with no script and no inline styles', async () => {
    const { html, email, name } = await openConsent('provider=github');
    assert.match(html, /<h1>Sign in with GitHub<\/h1>/);
    assert.match(html, /<label for="consent-email">Email/);
    assert.match(html, /<label for="consent-name">Name/);
    assert.match(html, /<form method="post"/);
    assert.match(html, /<button type="submit" name="decision" value="allow">Allow<\/button>/);
    assert.match(html, /<button type="submit" name="decision" value="deny"[^>]*>Deny<\/button>/);
    assert.doesNotMatch(html, /<script|style="/);
    assert.equal(email, 'github-user@example.com');
    assert.equal(name, 'GitHub User');
  });

  it('Allow: back to the same-origin page it started from, logged in as a new confirmed user', async () => {
    const startPage = `${t.server.url}/account/?tab=profile`;
    const { state } = await openConsent('provider=github', startPage);
    const location = await follow(await answer(state, 'allow'));
    assert.equal(location.split('#')[0], startPage);
    const hash = new URL(location).hash.slice(1);
    assert.match(
      hash,
      /^access_token=[^&]+&expires_in=3600&refresh_token=[A-Za-z0-9_-]{22}&token_type=bearer$/,
    );

    const { access_token, refresh_token } = hashOf(location);
    const user = await t.api.call('GET', '/user', { token: access_token });
    assert.equal(user.status, 200);
    assert.equal(user.body.email, 'octo@example.com');
    assert.ok(user.body.confirmed_at);
    assert.deepEqual(user.body.app_metadata, { provider: 'github' });
    assert.equal(user.body.user_metadata.full_name, 'Octo Cat');
    const avatar = await fetch(user.body.user_metadata.avatar_url);
    assert.equal(avatar.status, 200);
    assert.equal(avatar.headers.get('content-type'), 'image/svg+xml');
    assert.equal((await t.api.refresh(refresh_token!)).status, 200);

    // A second login finds the same user.
    const second = await openConsent('provider=github');
    const again = hashOf(await follow(await answer(second.state, 'allow')));
    const same = await t.api.call('GET', '/user', { token: again.access_token });
    assert.equal(same.body.id, user.body.id);
  });

  it('Deny: back to the site root with access_denied when the Referer is from another origin', async () => {
    const { state } = await openConsent('provider=github', 'https://elsewhere.example/page');
    const location = await follow(await answer(state, 'deny'));
    assert.equal(location.split('#')[0], `${t.server.url}/`);
    assert.deepEqual(hashOf(location), {
      error: 'access_denied',
      error_description: 'The user has denied your application access.',
    });
    assert.deepEqual((await t.api.admin('GET', '/admin/users')).body.users, []);
  });

  it('signs in an invited user and uses up the invite', async () => {
    await t.api.admin('POST', '/invite', { json: { email: 'invitee@example.com' } });
    const { token } = await t.api.lastMail('invitee@example.com', 'invite');
    const consent = await openConsent(`provider=github&invite_token=${token}`);
    assert.equal(consent.email, 'invitee@example.com');
    const location = await follow(
      await answer(consent.state, 'allow', consent.email, 'Invited Person'),
    );
    const user = await t.api.call('GET', '/user', { token: hashOf(location).access_token });
    assert.equal(user.body.email, 'invitee@example.com');
    assert.ok(user.body.confirmed_at);
    assert.equal(user.body.app_metadata.provider, 'github');
    assert.equal(user.body.user_metadata.full_name, 'Invited Person');

    const reused = await t.api.call('GET', `/authorize?provider=github&invite_token=${token}`);
    assert.deepEqual([reused.status, reused.body], [404, { code: 404, msg: 'User not found' }]);
  });

  it('refuses an invite accepted with another address', async () => {
    await t.api.admin('POST', '/invite', { json: { email: 'right@example.com' } });
    const { token } = await t.api.lastMail('right@example.com', 'invite');
    const consent = await openConsent(`provider=github&invite_token=${token}`);
    const location = await follow(await answer(consent.state, 'allow', 'wrong@example.com'));
    assert.deepEqual(hashOf(location), {
      error: 'invalid_request',
      error_description: 'Invited email does not match email from external provider',
    });
  });

  it('returns access_denied when signups are disabled', async () => {
    await t.api.call('PUT', '/__dev/settings', { json: { disable_signup: true } });
    const { state } = await openConsent('provider=github');
    assert.deepEqual(hashOf(await follow(await answer(state, 'allow'))), {
      error: 'access_denied',
      error_description: 'Signups not allowed for this instance',
    });
  });

  it('refuses unknown and disabled providers', async () => {
    const unknown = await t.api.call('GET', '/authorize?provider=myspace');
    assert.deepEqual(
      [unknown.status, unknown.body],
      [400, { code: 400, msg: 'Unsupported provider: Provider myspace could not be found' }],
    );
    const disabled = await t.api.call('GET', '/authorize?provider=google');
    assert.deepEqual(
      [disabled.status, disabled.body],
      [400, { code: 400, msg: 'Unsupported provider: Provider is not enabled' }],
    );
  });

  it('refuses a callback without a valid state, and a state used twice', async () => {
    const missing = await t.api.call('GET', '/callback?code=x');
    assert.deepEqual(
      [missing.status, missing.body],
      [400, { code: 400, msg: 'OAuth state parameter missing' }],
    );
    const forged = await t.api.call('GET', '/callback?code=x&state=forged');
    assert.equal(forged.status, 400);
    assert.match(forged.body.msg, /^OAuth state is invalid/);

    const { state } = await openConsent('provider=github');
    const toCallback = (await answer(state, 'allow')).headers.get('location')!;
    assert.equal(
      (await fetch(new URL(toCallback, t.server.url), { redirect: 'manual' })).status,
      302,
    );
    const replay = await fetch(new URL(toCallback, t.server.url), { redirect: 'manual' });
    assert.equal(replay.status, 400);
  });
});
