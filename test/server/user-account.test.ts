import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY, HOUR, MINUTE, type TestServer, startTestServer } from './helpers.js';

describe('GET and PUT /user', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.server.stop());

  async function session(email: string, extra: Record<string, unknown> = {}) {
    await t.api.createUser(email, 'pw', extra);
    return (await t.api.login(email, 'pw')).access_token;
  }

  it('refuses requests without a usable bearer token', async () => {
    const noBearer = { code: 401, msg: 'This endpoint requires a Bearer token' };
    for (const authorization of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'Basic abc',
      'Bearer a b',
      'bearer\tx',
    ]) {
      const headers: Record<string, string> =
        authorization === undefined ? {} : { Authorization: authorization };
      const answer = await t.api.call('GET', '/user', { headers });
      assert.deepEqual([answer.status, answer.body], [401, noBearer], String(authorization));
    }
    const real = await session('seed@example.com');
    const cases: Array<[string, string]> = [
      ['garbage', 'Invalid token: token contains an invalid number of segments'],
      ['a.b.c', 'Invalid token: token is malformed'],
      [`${real.slice(0, -3)}abc`, 'Invalid token: signature is invalid'],
    ];
    for (const [token, msg] of cases) {
      const answer = await t.api.call('GET', '/user', { token });
      assert.deepEqual([answer.status, answer.body], [401, { code: 401, msg }]);
    }
    // The server still answers after all that.
    assert.equal((await t.api.call('GET', '/user', { token: real })).status, 200);
  });

  it('answers 404 for the token of a deleted user', async () => {
    const user = await t.api.createUser('gone@example.com', 'pw');
    const { access_token } = await t.api.login('gone@example.com', 'pw');
    assert.equal((await t.api.admin('DELETE', `/admin/users/${user.id}`)).status, 200);
    const answer = await t.api.call('GET', '/user', { token: access_token });
    assert.deepEqual([answer.status, answer.body], [404, { code: 404, msg: 'User not found' }]);
  });

  it('merges data into user_metadata, null deleting a key, and issues no new JWT', async () => {
    const token = await session('meta@example.com', {
      user_metadata: { full_name: 'Meta', city: 'Oslo' },
    });
    const answer = await t.api.call('PUT', '/user', {
      token,
      json: { data: { city: null, theme: 'dark' } },
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.user_metadata, { full_name: 'Meta', theme: 'dark' });
    assert.equal(answer.body.access_token, undefined);
    assert.deepEqual((await t.api.call('GET', '/user', { token })).body.user_metadata, {
      full_name: 'Meta',
      theme: 'dark',
    });
  });

  it('changes the password', async () => {
    const token = await session('pass@example.com');
    assert.equal(
      (await t.api.call('PUT', '/user', { token, json: { password: 'new password' } })).status,
      200,
    );
    await t.api.login('pass@example.com', 'new password');
    const old = await t.api.call('POST', '/token', {
      form: { grant_type: 'password', username: 'pass@example.com', password: 'pw' },
    });
    assert.equal(old.status, 400);
  });

  it('refuses app_metadata from a non-admin, changing nothing else', async () => {
    const token = await session('plain@example.com');
    const answer = await t.api.call('PUT', '/user', {
      token,
      json: { data: { x: 1 }, app_metadata: { roles: ['admin'] } },
    });
    assert.deepEqual(
      [answer.status, answer.body],
      [401, { code: 401, msg: 'Updating app_metadata requires admin privileges' }],
    );
    assert.equal((await t.api.call('GET', '/user', { token })).body.user_metadata, null);
  });

  it('lets a user whose role is admin update app_metadata', async () => {
    const token = await session('boss@example.com', { role: 'admin' });
    const answer = await t.api.call('PUT', '/user', {
      token,
      json: { app_metadata: { roles: ['editor'] } },
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.app_metadata, { provider: 'email', roles: ['editor'] });
  });

  it('changes the email through a link mailed to the new address', async () => {
    const token = await session('old@example.com');
    const started = await t.api.call('PUT', '/user', { token, json: { email: 'new@example.com' } });
    assert.equal(started.status, 200);
    assert.equal(started.body.email, 'old@example.com');
    assert.equal(started.body.new_email, 'new@example.com');
    assert.ok(started.body.email_change_sent_at);
    const mail = await t.api.lastMail('new@example.com', 'email_change');
    assert.equal(mail.subject, 'Confirm Email Change');
    assert.equal(mail.url, `${t.server.url}/#email_change_token=${mail.token}`);

    const wrong = await t.api.call('PUT', '/user', {
      token,
      json: { email_change_token: 'wrong' },
    });
    assert.deepEqual(
      [wrong.status, wrong.body],
      [401, { code: 401, msg: "Email Change Token didn't match token on file" }],
    );

    const done = await t.api.call('PUT', '/user', {
      token,
      json: { email_change_token: mail.token },
    });
    assert.equal(done.status, 200);
    assert.equal(done.body.email, 'new@example.com');
    assert.equal(done.body.new_email, undefined);
    await t.api.login('new@example.com', 'pw');

    const reused = await t.api.call('PUT', '/user', {
      token,
      json: { email_change_token: mail.token },
    });
    assert.equal(reused.status, 401);
  });

  it('refuses an email change to a taken or malformed address, and an expired change link', async () => {
    await t.api.createUser('owner@example.com', 'pw');
    const token = await session('mover@example.com');
    const taken = await t.api.call('PUT', '/user', { token, json: { email: 'owner@example.com' } });
    assert.deepEqual(
      [taken.status, taken.body],
      [422, { code: 422, msg: 'Email address already registered by another user' }],
    );
    const malformed = await t.api.call('PUT', '/user', { token, json: { email: 'nope' } });
    assert.deepEqual(
      [malformed.status, malformed.body.msg],
      [422, 'Unable to validate email address: invalid format'],
    );

    await t.api.call('PUT', '/user', { token, json: { email: 'moved@example.com' } });
    const mail = await t.api.lastMail('moved@example.com', 'email_change');
    t.clock.advance(DAY + MINUTE);
    const fresh = (await t.api.login('mover@example.com', 'pw')).access_token;
    const expired = await t.api.call('PUT', '/user', {
      token: fresh,
      json: { email_change_token: mail.token },
    });
    assert.deepEqual(
      [expired.status, expired.body],
      [422, { code: 422, msg: 'Email change token expired' }],
    );
  });

  it('answers 422 with a readable message for a password over 72 bytes (GoTrue: a 500)', async () => {
    const token = await session('long@example.com');
    const answer = await t.api.call('PUT', '/user', { token, json: { password: 'x'.repeat(73) } });
    assert.deepEqual(
      [answer.status, answer.body],
      [
        422,
        {
          code: 422,
          msg: 'Password is too long: 73 bytes, at most 72 (fewer characters outside ASCII)',
        },
      ],
    );
    const exactly = await t.api.call('PUT', '/user', { token, json: { password: 'é'.repeat(36) } });
    assert.equal(exactly.status, 200, '72 bytes is fine');
  });
});

describe('POST /recover and the recovery link', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
    await t.api.createUser('rita@example.com', 'forgotten');
  });
  after(() => t.server.stop());

  it('needs an email', async () => {
    const answer = await t.api.call('POST', '/recover', { json: {} });
    assert.deepEqual(
      [answer.status, answer.body],
      [422, { code: 422, msg: 'Password recovery requires an email' }],
    );
  });

  it('answers {} for an unknown address and sends nothing', async () => {
    const answer = await t.api.call('POST', '/recover', {
      json: { email: 'stranger@example.com' },
    });
    assert.deepEqual([answer.status, answer.body], [200, {}]);
    assert.deepEqual(await t.api.mails(), []);
  });

  it('mails a single-use link that logs in without changing the password; PUT /user sets the new one', async () => {
    const answer = await t.api.call('POST', '/recover', { json: { email: 'rita@example.com' } });
    assert.deepEqual([answer.status, answer.body], [200, {}]);
    const mail = await t.api.lastMail('rita@example.com', 'recovery');
    assert.equal(mail.subject, 'Reset Your Password');
    assert.equal(mail.url, `${t.server.url}/#recovery_token=${mail.token}`);

    const verified = await t.api.call('POST', '/verify', {
      json: { type: 'recovery', token: mail.token },
    });
    assert.equal(verified.status, 200);
    await t.api.login('rita@example.com', 'forgotten');
    const again = await t.api.call('POST', '/verify', {
      json: { type: 'recovery', token: mail.token },
    });
    assert.deepEqual([again.status, again.body], [404, { code: 404, msg: 'User not found' }]);

    const update = await t.api.call('PUT', '/user', {
      token: verified.body.access_token,
      json: { password: 'remembered' },
    });
    assert.equal(update.status, 200);
    assert.ok(update.body.recovery_sent_at);
    await t.api.login('rita@example.com', 'remembered');
  });

  it('allows one recovery mail per user per 15 minutes', async () => {
    t.clock.advance(15 * MINUTE);
    assert.equal(
      (await t.api.call('POST', '/recover', { json: { email: 'rita@example.com' } })).status,
      200,
    );
    t.clock.advance(14 * MINUTE);
    const limited = await t.api.call('POST', '/recover', { json: { email: 'rita@example.com' } });
    assert.deepEqual(
      [limited.status, limited.body],
      [429, { code: 429, msg: 'Rate limit exceeded, try again later' }],
    );
    t.clock.advance(MINUTE + 1000);
    assert.equal(
      (await t.api.call('POST', '/recover', { json: { email: 'rita@example.com' } })).status,
      200,
    );
  });

  it('expires recovery links after 24 hours', async () => {
    t.clock.advance(HOUR);
    await t.api.call('POST', '/recover', { json: { email: 'rita@example.com' } });
    const { token } = await t.api.lastMail('rita@example.com', 'recovery');
    t.clock.advance(DAY + MINUTE);
    const answer = await t.api.call('POST', '/verify', { json: { type: 'recovery', token } });
    assert.deepEqual(
      [answer.status, answer.body],
      [422, { code: 422, msg: 'Recovery token expired' }],
    );
  });
});
