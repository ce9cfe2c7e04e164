import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DAY, HOUR, type TestServer, decodeJwt, startTestServer } from './helpers.js';

describe('settings, signup and confirmation', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.server.stop());
  beforeEach(async () => {
    assert.equal((await t.api.call('POST', '/__dev/reset')).status, 200);
  });

  it('GET /settings answers the GoTrue settings shape', async () => {
    const answer = await t.api.call('GET', '/settings');
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type')!, /^application\/json/);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.equal(
      answer.text,
      JSON.stringify({
        external: {
          bitbucket: false,
          github: false,
          gitlab: false,
          google: false,
          facebook: false,
          email: true,
          saml: false,
        },
        external_labels: {},
        disable_signup: false,
        autoconfirm: false,
      }),
    );
  });

  it('signs up an unconfirmed user: user JSON in GoTrue order, no tokens, a confirmation mail', async () => {
    const answer = await t.api.call('POST', '/signup', {
      json: { email: 'ann@example.com', password: 'secret', data: { full_name: 'Ann' } },
    });
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body), [
      'id',
      'aud',
      'role',
      'email',
      'confirmation_sent_at',
      'app_metadata',
      'user_metadata',
      'created_at',
      'updated_at',
    ]);
    assert.match(answer.body.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(answer.body.aud, '');
    assert.equal(answer.body.role, '');
    assert.deepEqual(answer.body.app_metadata, { provider: 'email' });
    assert.deepEqual(answer.body.user_metadata, { full_name: 'Ann' });
    assert.doesNotMatch(answer.text, /token|password/);

    const [mail] = await t.api.mails();
    assert.equal(mail!.to, 'ann@example.com');
    assert.equal(mail!.subject, 'Confirm Your Signup');
    assert.equal(mail!.type, 'confirmation');
    assert.match(mail!.token, /^[A-Za-z0-9_-]{22}$/);
    assert.equal(mail!.url, `${t.server.url}/#confirmation_token=${mail!.token}`);
    assert.equal(mail!.sent_at, answer.body.confirmation_sent_at);
    assert.deepEqual(Object.keys(mail!), ['to', 'subject', 'type', 'token', 'url', 'sent_at']);
  });

  it('keeps user_metadata null when the signup sent no data', async () => {
    const answer = await t.api.call('POST', '/signup', {
      json: { email: 'nodata@example.com', password: 'pw' },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.user_metadata, null);
  });

  it('refuses signups in GoTrue order of checks', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ email: '', password: '' }, 422, 'Signup requires a valid password'],
      [{ email: '', password: 'pw' }, 422, 'An email address is required'],
      [
        { email: 'not-an-email', password: 'pw' },
        422,
        'Unable to validate email address: invalid format',
      ],
    ];
    for (const [json, status, msg] of cases) {
      const answer = await t.api.call('POST', '/signup', { json });
      assert.equal(answer.status, status);
      assert.deepEqual(answer.body, { code: status, msg });
    }
    await t.api.call('PUT', '/__dev/settings', { json: { disable_signup: true } });
    const disabled = await t.api.call('POST', '/signup', { json: { email: '', password: '' } });
    assert.equal(disabled.status, 403);
    assert.deepEqual(disabled.body, { code: 403, msg: 'Signups not allowed for this instance' });
  });

  it('refuses a second signup of a confirmed address', async () => {
    await t.api.createUser('taken@example.com', 'pw');
    const answer = await t.api.call('POST', '/signup', {
      json: { email: 'TAKEN@example.com', password: 'pw' },
    });
    assert.equal(answer.status, 400);
    assert.deepEqual(answer.body, {
      code: 400,
      msg: 'A user with this email address has already been registered',
    });
  });

  it('signing up again while unconfirmed merges metadata and sends a new link that replaces the old', async () => {
    const first = await t.api.call('POST', '/signup', {
      json: { email: 'bo@example.com', password: 'pw', data: { a: 1, b: 2 } },
    });
    const oldToken = (await t.api.lastMail('bo@example.com', 'confirmation')).token;
    const second = await t.api.call('POST', '/signup', {
      json: { email: 'bo@example.com', password: 'other', data: { b: null, c: 3 } },
    });
    assert.equal(second.status, 200);
    assert.equal(second.body.id, first.body.id);
    assert.deepEqual(second.body.user_metadata, { a: 1, c: 3 });
    const newToken = (await t.api.lastMail('bo@example.com', 'confirmation')).token;
    assert.notEqual(newToken, oldToken);

    const stale = await t.api.call('POST', '/verify', {
      json: { type: 'signup', token: oldToken },
    });
    assert.deepEqual([stale.status, stale.body], [404, { code: 404, msg: 'User not found' }]);
    assert.equal(
      (await t.api.call('POST', '/verify', { json: { type: 'signup', token: newToken } })).status,
      200,
    );
    // GoTrue keeps the first password of an unconfirmed user.
    await t.api.login('bo@example.com', 'pw');
  });

  it('with autoconfirm, confirms at once, sends no mail and still returns no tokens', async () => {
    await t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: true } });
    const answer = await t.api.call('POST', '/signup', {
      json: { email: 'auto@example.com', password: 'pw' },
    });
    assert.equal(answer.status, 200);
    assert.ok(answer.body.confirmed_at);
    assert.equal(answer.body.confirmation_sent_at, undefined);
    assert.equal(answer.body.access_token, undefined);
    assert.deepEqual(await t.api.mails(), []);
    await t.api.login('auto@example.com', 'pw');
  });

  it('confirms with the mailed token: a token response with a GoTrue JWT, then the token is used up', async () => {
    const signup = await t.api.call('POST', '/signup', {
      json: { email: 'cy@example.com', password: 'pw', data: { full_name: 'Cy' } },
    });
    const { token } = await t.api.lastMail('cy@example.com', 'confirmation');
    const before = t.clock.now();
    const answer = await t.api.call('POST', '/verify', { json: { type: 'signup', token } });
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.body), [
      'access_token',
      'token_type',
      'expires_in',
      'refresh_token',
    ]);
    assert.equal(answer.body.token_type, 'bearer');
    assert.equal(answer.body.expires_in, 3600);
    assert.match(answer.body.refresh_token, /^[A-Za-z0-9_-]{22}$/);

    const { header, claims } = decodeJwt(answer.body.access_token);
    assert.deepEqual(header, { alg: 'HS256', kid: 'nf-ident', typ: 'JWT' });
    assert.deepEqual(Object.keys(claims), ['sub', 'exp', 'email', 'app_metadata', 'user_metadata']);
    assert.equal(claims.sub, signup.body.id);
    assert.equal(claims.email, 'cy@example.com');
    assert.ok(Math.abs(claims.exp - (Math.floor(before / 1000) + 3600)) <= 1);
    assert.deepEqual(claims.user_metadata, { full_name: 'Cy' });

    const user = await t.api.call('GET', '/user', { token: answer.body.access_token });
    assert.equal(user.status, 200);
    assert.ok(user.body.confirmed_at);
    assert.ok(user.body.last_sign_in_at);

    const again = await t.api.call('POST', '/verify', { json: { type: 'signup', token } });
    assert.deepEqual([again.status, again.body], [404, { code: 404, msg: 'User not found' }]);
  });

  it('refuses verify requests as GoTrue does', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ type: 'signup', token: '' }, 422, 'Verify requires a token'],
      [{ type: 'magic', token: 'x' }, 422, 'Verify requires a verification type'],
      [{ type: 'signup', token: 'unknown' }, 404, 'User not found'],
      [{ type: 'recovery', token: 'unknown' }, 404, 'User not found'],
    ];
    for (const [json, status, msg] of cases) {
      const answer = await t.api.call('POST', '/verify', { json });
      assert.deepEqual([answer.status, answer.body], [status, { code: status, msg }]);
    }
  });

  it('expires confirmation links after 24 hours', async () => {
    await t.api.call('POST', '/signup', { json: { email: 'late@example.com', password: 'pw' } });
    const { token } = await t.api.lastMail('late@example.com', 'confirmation');
    t.clock.advance(DAY + HOUR);
    const answer = await t.api.call('POST', '/verify', { json: { type: 'signup', token } });
    assert.deepEqual(
      [answer.status, answer.body],
      [422, { code: 422, msg: 'Confirmation token expired' }],
    );
  });

  it('still confirms a link just under 24 hours old', async () => {
    await t.api.call('POST', '/signup', { json: { email: 'ontime@example.com', password: 'pw' } });
    const { token } = await t.api.lastMail('ontime@example.com', 'confirmation');
    t.clock.advance(DAY - HOUR);
    assert.equal(
      (await t.api.call('POST', '/verify', { json: { type: 'signup', token } })).status,
      200,
    );
  });
});
