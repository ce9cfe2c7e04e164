import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DAY, HOUR, type TestServer, startTestServer } from './helpers.js';

describe('admin users and invites', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ operatorToken: 'operator-secret' });
  });
  after(() => t.server.stop());

  it('uses the operatorToken option', () => {
    assert.equal(t.server.operatorToken, 'operator-secret');
  });

  it('creates users with role, metadata and confirmation', async () => {
    const answer = await t.api.admin('POST', '/admin/users', {
      json: {
        email: 'made@example.com',
        password: 'pw',
        confirm: true,
        role: 'editor',
        user_metadata: { full_name: 'Made' },
        app_metadata: { roles: ['staff'], provider: 'github' },
      },
    });
    assert.equal(answer.status, 200);
    assert.equal(answer.body.role, 'editor');
    assert.ok(answer.body.confirmed_at);
    assert.deepEqual(answer.body.user_metadata, { full_name: 'Made' });
    assert.deepEqual(answer.body.app_metadata, { provider: 'email', roles: ['staff'] });
    await t.api.login('made@example.com', 'pw');

    const duplicate = await t.api.admin('POST', '/admin/users', {
      json: { email: 'MADE@example.com', password: 'pw' },
    });
    assert.deepEqual(
      [duplicate.status, duplicate.body],
      [422, { code: 422, msg: 'Email address already registered by another user' }],
    );
    const invalid = await t.api.admin('POST', '/admin/users', {
      json: { email: 'bad', password: 'pw' },
    });
    assert.deepEqual(
      [invalid.status, invalid.body.msg],
      [422, 'Unable to validate email address: invalid format'],
    );
  });

  it('lists users newest first with page, per_page, X-Total-Count and Link', async () => {
    for (const name of ['p1', 'p2', 'p3']) await t.api.createUser(`${name}@example.com`, 'pw');
    const all = await t.api.admin('GET', '/admin/users');
    assert.equal(all.status, 200);
    assert.deepEqual(Object.keys(all.body), ['users', 'aud']);
    assert.equal(all.body.aud, '');
    const total = all.body.users.length;
    assert.equal(all.headers.get('x-total-count'), String(total));
    assert.deepEqual(
      all.body.users.slice(0, 3).map((u: { email: string }) => u.email),
      ['p3@example.com', 'p2@example.com', 'p1@example.com'],
    );
    assert.equal(all.headers.get('link'), '</.netlify/identity/admin/users?page=1>; rel="last"');

    const page = await t.api.admin('GET', '/admin/users?page=2&per_page=2');
    assert.equal(page.body.users.length, Math.min(2, total - 2));
    assert.equal(page.body.users[0].email, 'p1@example.com');
    const last = Math.ceil(total / 2);
    const next = 2 < last ? `</.netlify/identity/admin/users?page=3&per_page=2>; rel="next", ` : '';
    assert.equal(
      page.headers.get('link'),
      `${next}</.netlify/identity/admin/users?page=${last}&per_page=2>; rel="last"`,
    );

    const bad = await t.api.admin('GET', '/admin/users?per_page=zero');
    assert.equal(bad.status, 400);
    assert.match(bad.body.msg, /^Bad Pagination Parameters/);
  });

  it('gets, updates and deletes one user', async () => {
    const user = await t.api.createUser('one@example.com', 'pw', { user_metadata: { a: 1 } });
    const got = await t.api.admin('GET', `/admin/users/${user.id}`);
    assert.deepEqual([got.status, got.body], [200, user]);

    const updated = await t.api.admin('PUT', `/admin/users/${user.id}`, {
      json: {
        role: 'admin',
        user_metadata: { a: null, b: 2 },
        app_metadata: { roles: ['x'] },
        password: 'new',
      },
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.role, 'admin');
    assert.deepEqual(updated.body.user_metadata, { b: 2 });
    assert.deepEqual(updated.body.app_metadata, { provider: 'email', roles: ['x'] });
    await t.api.login('one@example.com', 'new');

    const deleted = await t.api.admin('DELETE', `/admin/users/${user.id}`);
    assert.deepEqual([deleted.status, deleted.body], [200, {}]);
    const missing = await t.api.admin('GET', `/admin/users/${user.id}`);
    assert.deepEqual([missing.status, missing.body], [404, { code: 404, msg: 'User not found' }]);
  });

  it('answers 400 for ids that are not UUIDs, after checking the caller', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await t.api.admin(
        method,
        '/admin/users/not-a-uuid',
        method === 'PUT' ? { json: {} } : {},
      );
      assert.deepEqual(
        [answer.status, answer.body],
        [400, { code: 400, msg: 'user_id must be an UUID' }],
      );
    }
    const anonymous = await t.api.call('GET', '/admin/users/not-a-uuid');
    assert.equal(anonymous.status, 401);
  });

  it('accepts the JWT of a user whose role is admin, refuses other users', async () => {
    await t.api.createUser('chief@example.com', 'pw', { role: 'admin' });
    await t.api.createUser('staff@example.com', 'pw', { app_metadata: { roles: ['admin'] } });
    const chief = (await t.api.login('chief@example.com', 'pw')).access_token;
    const staff = (await t.api.login('staff@example.com', 'pw')).access_token;
    assert.equal((await t.api.call('GET', '/admin/users', { token: chief })).status, 200);
    const refused = await t.api.call('GET', '/admin/users', { token: staff });
    assert.deepEqual([refused.status, refused.body], [401, { code: 401, msg: 'User not allowed' }]);
    const wrongOperator = await t.api.call('GET', '/admin/users', { token: 'operator-secreT' });
    assert.equal(wrongOperator.status, 401);
    const none = await t.api.call('GET', '/admin/users');
    assert.deepEqual(
      [none.status, none.body],
      [401, { code: 401, msg: 'This endpoint requires a Bearer token' }],
    );
  });

  it('refuses cross-origin browser requests to admin routes', async () => {
    for (const [method, path] of [
      ['GET', '/admin/users'],
      ['POST', '/invite'],
    ]) {
      const answer = await t.api.admin(method!, path!, {
        headers: { Origin: 'https://evil.example' },
        json: method === 'POST' ? { email: 'x@example.com' } : undefined,
      });
      assert.equal(answer.status, 403, path);
      assert.equal(answer.body.code, 403);
    }
    const sameOrigin = await t.api.admin('GET', '/admin/users', {
      headers: { Origin: t.server.url },
    });
    assert.equal(sameOrigin.status, 200);
  });

  it('invites: a user with invited_at, a mail, and acceptance through /verify with a password', async () => {
    const invited = await t.api.admin('POST', '/invite', {
      json: { email: 'guest@example.com', data: { full_name: 'Guest' } },
    });
    assert.equal(invited.status, 200);
    assert.ok(invited.body.invited_at);
    assert.equal(invited.body.confirmed_at, undefined);
    assert.deepEqual(invited.body.user_metadata, { full_name: 'Guest' });
    const mail = await t.api.lastMail('guest@example.com', 'invite');
    assert.equal(mail.subject, 'You have been invited');
    assert.equal(mail.url, `${t.server.url}/#invite_token=${mail.token}`);

    const noPassword = await t.api.call('POST', '/verify', {
      json: { type: 'signup', token: mail.token },
    });
    assert.deepEqual(
      [noPassword.status, noPassword.body],
      [422, { code: 422, msg: 'Invited users must specify a password' }],
    );
    const accepted = await t.api.call('POST', '/verify', {
      json: { type: 'signup', token: mail.token, password: 'chosen' },
    });
    assert.equal(accepted.status, 200);
    const user = await t.api.call('GET', '/user', { token: accepted.body.access_token });
    assert.ok(user.body.confirmed_at);
    await t.api.login('guest@example.com', 'chosen');
    const reused = await t.api.call('POST', '/verify', {
      json: { type: 'signup', token: mail.token, password: 'again' },
    });
    assert.equal(reused.status, 404);

    const existing = await t.api.admin('POST', '/invite', { json: { email: 'guest@example.com' } });
    assert.deepEqual(
      [existing.status, existing.body],
      [422, { code: 422, msg: 'Email address already registered by another user' }],
    );
    const notAdmin = await t.api.call('POST', '/invite', { json: { email: 'other@example.com' } });
    assert.equal(notAdmin.status, 401);
  });

  it('invite links last 7 days', async () => {
    await t.api.admin('POST', '/invite', { json: { email: 'week@example.com' } });
    await t.api.admin('POST', '/invite', { json: { email: 'late@example.com' } });
    const week = await t.api.lastMail('week@example.com', 'invite');
    const late = await t.api.lastMail('late@example.com', 'invite');
    t.clock.advance(7 * DAY - HOUR);
    assert.equal(
      (
        await t.api.call('POST', '/verify', {
          json: { type: 'signup', token: week.token, password: 'pw' },
        })
      ).status,
      200,
    );
    t.clock.advance(2 * HOUR);
    const expired = await t.api.call('POST', '/verify', {
      json: { type: 'signup', token: late.token, password: 'pw' },
    });
    assert.deepEqual(
      [expired.status, expired.body],
      [422, { code: 422, msg: 'Confirmation token expired' }],
    );
  });
});
