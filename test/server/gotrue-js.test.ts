import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import GoTrue, { JSONHTTPError } from 'gotrue-js';
import { IDENTITY_PATH } from '../../server/index.js';
import { type TestServer, startTestServer } from './helpers.js';

// The real client, in Node: with no `window` it keeps no localStorage session, so it needs no shim
// for storage. Where it and the server disagree, the server is wrong.
describe('the real gotrue-js client against the server', () => {
  let s: TestServer;
  let auth: GoTrue;
  before(async () => {
    // The client reads Date.now() to decide when to refresh; the server reads the same clock, so a
    // test that moves Date.now moves both.
    s = await startTestServer({ clock: () => Date.now() });
    // gotrue-js warns about plain http on every construction; the test server is loopback-only.
    const warn = mock.method(console, 'warn', () => {});
    auth = new GoTrue({ APIUrl: s.server.url + IDENTITY_PATH, setCookie: false });
    warn.mock.restore();
  });
  after(() => s.server.stop());

  it('reads the settings', async () => {
    const settings = await auth.settings();
    assert.equal(settings.autoconfirm, false);
    assert.equal(settings.external.email, true);
  });

  it('signs up, confirms, logs in, reads the jwt, updates and logs out', async () => {
    const signup = await auth.signup('gina@example.com', 'first password', { full_name: 'Gina' });
    assert.equal(signup.email, 'gina@example.com');
    assert.ok(signup.confirmation_sent_at);

    const { token } = await s.api.lastMail('gina@example.com', 'confirmation');
    const confirmed = await auth.confirm(token);
    assert.equal(confirmed.email, 'gina@example.com');
    assert.ok(confirmed.confirmed_at);

    const user = await auth.login('gina@example.com', 'first password');
    assert.equal(user.email, 'gina@example.com');
    assert.deepEqual(user.user_metadata, { full_name: 'Gina' });
    assert.equal(user.app_metadata.provider, 'email');
    assert.equal(await user.jwt(), user.token!.access_token);
    assert.ok(Math.abs(user.token!.expires_at - (Date.now() + 3600_000)) < 5000);

    const updated = await user.update({ data: { full_name: 'Gina G.', city: 'Rome' } });
    assert.deepEqual(updated.user_metadata, { full_name: 'Gina G.', city: 'Rome' });

    const refreshToken = user.token!.refresh_token;
    await user.logout();
    assert.equal(user.token, null);
    assert.equal(
      (await s.api.refresh(refreshToken)).status,
      400,
      'logout revoked the refresh token',
    );
  });

  it('refreshes through jwt() when less than 60 s remain, rotating the refresh token', async (t) => {
    await s.api.createUser('rex@example.com', 'pw');
    assert.equal(
      (await s.api.call('PUT', '/__dev/token-lifetime', { json: { seconds: 75 } })).status,
      200,
    );
    const user = await auth.login('rex@example.com', 'pw');
    const first = { ...user.token! };
    assert.equal(first.expires_in, 75);
    assert.equal(await user.jwt(), first.access_token, 'no refresh while more than 60 s remain');

    // gotrue-js races each refresh against a 30 s timer it never clears; unref it so this file
    // can exit as soon as its tests are done.
    const realSetTimeout = globalThis.setTimeout;
    t.mock.method(globalThis, 'setTimeout', ((callback: () => void, ms?: number) =>
      realSetTimeout(callback, ms).unref()) as unknown as typeof setTimeout);
    const realNow = Date.now.bind(Date);
    t.mock.method(Date, 'now', () => realNow() + 20_000);

    const refreshed = await user.jwt();
    assert.notEqual(refreshed, first.access_token);
    assert.notEqual(user.token!.refresh_token, first.refresh_token);
    assert.equal(
      (await s.api.refresh(first.refresh_token)).status,
      400,
      'the old refresh token is revoked',
    );
    const data = await user.getUserData();
    assert.equal(data.email, 'rex@example.com');
    await s.api.call('PUT', '/__dev/token-lifetime', { json: { seconds: 3600 } });
  });

  it('requests a password recovery and recovers', async () => {
    await s.api.createUser('ron@example.com', 'lost');
    await auth.requestPasswordRecovery('ron@example.com');
    const { token } = await s.api.lastMail('ron@example.com', 'recovery');
    const user = await auth.recover(token);
    assert.equal(user.email, 'ron@example.com');
    await user.update({ password: 'found' });
    assert.equal((await auth.login('ron@example.com', 'found')).email, 'ron@example.com');
  });

  it('accepts an invite', async () => {
    await s.api.admin('POST', '/invite', { json: { email: 'ivy@example.com' } });
    const { token } = await s.api.lastMail('ivy@example.com', 'invite');
    const user = await auth.acceptInvite(token, 'chosen');
    assert.equal(user.email, 'ivy@example.com');
    assert.ok(user.confirmed_at);
    assert.equal((await auth.login('ivy@example.com', 'chosen')).email, 'ivy@example.com');
  });

  it('surfaces server errors as JSONHTTPError with GoTrue messages', async () => {
    const isJsonHttpError = (status: number, message: string) => (error: unknown) => {
      assert.ok(error instanceof JSONHTTPError);
      assert.deepEqual(
        [(error as JSONHTTPError).status, (error as JSONHTTPError).message],
        [status, message],
      );
      return true;
    };
    await assert.rejects(
      auth.login('nobody@example.com', 'x'),
      isJsonHttpError(400, 'invalid_grant: No user found with that email, or password invalid.'),
    );
    await assert.rejects(
      auth.signup('gina@example.com', 'again'),
      isJsonHttpError(400, 'A user with this email address has already been registered'),
    );
    await assert.rejects(auth.confirm('used-or-unknown'), {
      status: 404,
      message: 'User not found',
    });
  });
});
