import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY, HOUR, type TestServer, decodeJwt, startTestServer } from './helpers.js';

describe('/token, refresh rotation and /logout', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    await t.api.createUser('dee@example.com', 'right password');
    await t.api.call('POST', '/signup', {
      json: { email: 'unconfirmed@example.com', password: 'pw' },
    });
  });
  after(() => t.server.stop());

  const grant = (form: Record<string, string>) => t.api.call('POST', '/token', { form });

  it('logs in with the password grant and stamps last_sign_in_at', async () => {
    const session = await t.api.login('dee@example.com', 'right password');
    assert.equal(session.token_type, 'bearer');
    assert.equal(session.expires_in, 3600);
    const user = await t.api.call('GET', '/user', { token: session.access_token });
    assert.equal(user.body.email, 'dee@example.com');
    assert.ok(user.body.last_sign_in_at);
  });

  it('answers bad logins with OAuth errors, always status 400', async () => {
    const invalid = {
      error: 'invalid_grant',
      error_description: 'No user found with that email, or password invalid.',
    };
    const cases: Array<[Record<string, string>, object]> = [
      [{ grant_type: 'password', username: 'dee@example.com', password: 'wrong' }, invalid],
      [{ grant_type: 'password', username: 'nobody@example.com', password: 'x' }, invalid],
      // Unconfirmed is said only to whoever knows the password (GoTrue says it to anyone).
      [{ grant_type: 'password', username: 'unconfirmed@example.com', password: 'wrong' }, invalid],
      [
        { grant_type: 'password', username: 'unconfirmed@example.com', password: 'pw' },
        { error: 'invalid_grant', error_description: 'Email not confirmed' },
      ],
      [
        { grant_type: 'refresh_token', refresh_token: '' },
        { error: 'invalid_request', error_description: 'refresh_token required' },
      ],
      [
        { grant_type: 'refresh_token', refresh_token: 'nope' },
        { error: 'invalid_grant', error_description: 'Invalid Refresh Token' },
      ],
      [
        { grant_type: 'client_credentials' },
        { error: 'unsupported_grant_type', error_description: '' },
      ],
      [{}, { error: 'unsupported_grant_type', error_description: '' }],
    ];
    for (const [form, body] of cases) {
      const answer = await grant(form);
      assert.equal(answer.status, 400, JSON.stringify(form));
      assert.deepEqual(answer.body, body);
      assert.match(answer.headers.get('content-type')!, /^application\/json/);
    }
  });

  it('refuses a JSON body on /token with an OAuth error', async () => {
    const answer = await t.api.call('POST', '/token', { json: { grant_type: 'password' } });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error, 'invalid_request');
  });

  it('rotates refresh tokens: the new one works, and the used one again works no more', async () => {
    const session = await t.api.login('dee@example.com', 'right password');
    const refreshed = await t.api.refresh(session.refresh_token);
    assert.equal(refreshed.status, 200);
    assert.notEqual(refreshed.body.refresh_token, session.refresh_token);
    assert.match(refreshed.body.refresh_token, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(decodeJwt(refreshed.body.access_token).claims.email, 'dee@example.com');
    const again = await t.api.refresh(refreshed.body.refresh_token);
    assert.equal(again.status, 200);
    assert.equal(
      (await t.api.refresh(refreshed.body.refresh_token)).body.error_description,
      'Invalid Refresh Token',
    );
  });

  it('a refresh token replayed past 30 s revokes its whole session, and only that session', async () => {
    const stolen = await t.api.login('dee@example.com', 'right password');
    const other = await t.api.login('dee@example.com', 'right password');
    const refreshed = await t.api.refresh(stolen.refresh_token);
    assert.equal(refreshed.status, 200);

    // Right after the rotation a second use is two tabs racing: refused, the session lives on.
    assert.equal((await t.api.refresh(stolen.refresh_token)).status, 400);
    const raced = await t.api.refresh(refreshed.body.refresh_token);
    assert.equal(raced.status, 200, 'the racing tab did not end the session');

    t.clock.advance(31_000);
    const replayed = await t.api.refresh(refreshed.body.refresh_token);
    assert.deepEqual(
      [replayed.status, replayed.body],
      [400, { error: 'invalid_grant', error_description: 'Invalid Refresh Token' }],
    );
    // The token the replay's victim holds is dead too: whoever copied the old one gets nothing.
    const victim = await t.api.refresh(raced.body.refresh_token);
    assert.deepEqual(
      [victim.status, victim.body.error_description],
      [400, 'Invalid Refresh Token'],
    );
    assert.equal((await t.api.refresh(other.refresh_token)).status, 200, 'another login lives on');
  });

  it('lets only one of two simultaneous refreshes with the same token win (no grace period)', async () => {
    const session = await t.api.login('dee@example.com', 'right password');
    const answers = await Promise.all([
      t.api.refresh(session.refresh_token),
      t.api.refresh(session.refresh_token),
    ]);
    assert.deepEqual(answers.map((a) => a.status).sort(), [200, 400]);
  });

  it('access tokens stop working at their exp', async () => {
    const session = await t.api.login('dee@example.com', 'right password');
    t.clock.advance(HOUR - 5000);
    assert.equal((await t.api.call('GET', '/user', { token: session.access_token })).status, 200);
    t.clock.advance(10_000);
    const expired = await t.api.call('GET', '/user', { token: session.access_token });
    assert.deepEqual(
      [expired.status, expired.body],
      [401, { code: 401, msg: 'Invalid token: Token is expired' }],
    );
    // The refresh token outlives the access token.
    assert.equal((await t.api.refresh(session.refresh_token)).status, 200);
  });

  it('refresh tokens expire after 30 days', async () => {
    const early = await t.api.login('dee@example.com', 'right password');
    const late = await t.api.login('dee@example.com', 'right password');
    t.clock.advance(29 * DAY);
    assert.equal((await t.api.refresh(early.refresh_token)).status, 200);
    t.clock.advance(2 * DAY);
    const expired = await t.api.refresh(late.refresh_token);
    assert.deepEqual(
      [expired.status, expired.body],
      [400, { error: 'invalid_grant', error_description: 'Refresh token expired' }],
    );
  });

  it('logout answers 204 and revokes every refresh token of the user', async () => {
    const one = await t.api.login('dee@example.com', 'right password');
    const two = await t.api.login('dee@example.com', 'right password');
    const answer = await t.api.call('POST', '/logout', { token: one.access_token });
    assert.equal(answer.status, 204);
    assert.equal(answer.text, '');
    for (const session of [one, two]) {
      const refused = await t.api.refresh(session.refresh_token);
      assert.deepEqual(
        [refused.status, refused.body.error_description],
        [400, 'Invalid Refresh Token'],
      );
    }
  });

  it('logout needs a bearer token', async () => {
    const answer = await t.api.call('POST', '/logout');
    assert.deepEqual(
      [answer.status, answer.body],
      [401, { code: 401, msg: 'This endpoint requires a Bearer token' }],
    );
  });
});
