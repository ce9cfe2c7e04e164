// Bounded input: every limit answers a 4xx in GoTrue's shape, and nothing an attacker sends can
// stop later writes from reaching the disk.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type TestServer, startTestServer } from './helpers.js';

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('bounded input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'identity-limits-'));
  const dataFile = join(dir, 'data.json');
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ dataFile });
    await t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: true } });
  });
  after(async () => {
    await t.server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses JSON nested 4,200 levels deep with a 400, and later writes still reach the disk', async () => {
    const answer = await t.api.call('POST', '/signup', {
      raw: `{"email":"deep@example.com","password":"pw","data":${nested(4200)}}`,
      headers: { 'Content-Type': 'application/json' },
    });
    assert.deepEqual(
      [answer.status, answer.body],
      [400, { code: 400, msg: 'Could not read Signup params: JSON nested deeper than 32 levels' }],
    );
    const fine = await t.api.call('POST', '/signup', {
      json: { email: 'after-deep@example.com', password: 'pw', data: JSON.parse(nested(20)) },
    });
    assert.equal(fine.status, 200);
    // Braces inside strings are text, not nesting.
    const text = await t.api.call('POST', '/signup', {
      json: { email: 'braces@example.com', password: 'pw', data: { note: '{'.repeat(100) } },
    });
    assert.equal(text.status, 200);

    await t.server.stop();
    t = await startTestServer({ dataFile });
    await t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: true } });
    await t.api.login('after-deep@example.com', 'pw');
  });

  it('refuses an email over 254 characters, or with a local part over 64', async () => {
    for (const email of [
      `${'a'.repeat(64)}@${'b'.repeat(186)}.com`,
      `${'a'.repeat(65)}@example.com`,
    ]) {
      const answer = await t.api.call('POST', '/signup', { json: { email, password: 'pw' } });
      assert.equal(answer.status, 422, email);
      assert.match(answer.body.msg, /^Unable to validate email address: /);
    }
    const longest = `${'a'.repeat(64)}@${'b'.repeat(61)}.${'c'.repeat(61)}.${'d'.repeat(61)}.com`;
    assert.equal(longest.length, 254);
    const answer = await t.api.call('POST', '/signup', {
      json: { email: longest, password: 'pw' },
    });
    assert.equal(answer.status, 200, answer.text);
    const huge = await t.api.call('POST', '/recover', { json: { email: 'x'.repeat(10_000) } });
    assert.equal(huge.status, 422);
  });

  it('refuses metadata over 16 KB on signup, profile updates and the admin API', async () => {
    const big = { blob: 'x'.repeat(16 * 1024) };
    const signup = await t.api.call('POST', '/signup', {
      json: { email: 'big@example.com', password: 'pw', data: big },
    });
    assert.equal(signup.status, 422);
    assert.match(signup.body.msg, /^data is too large: \d+ bytes, at most 16384$/);

    const user = await t.api.createUser('grow@example.com', 'pw');
    const { access_token: token } = await t.api.login('grow@example.com', 'pw');
    const half = { one: 'x'.repeat(9000) };
    assert.equal((await t.api.call('PUT', '/user', { token, json: { data: half } })).status, 200);
    const more = await t.api.call('PUT', '/user', {
      token,
      json: { data: { two: 'y'.repeat(9000) } },
    });
    assert.equal(more.status, 422, 'the merged result counts');
    const admin = await t.api.admin('PUT', `/admin/users/${user.id}`, {
      json: { app_metadata: big },
    });
    assert.equal(admin.status, 422);
    const stored = await t.api.admin('GET', `/admin/users/${user.id}`);
    assert.deepEqual(stored.body.user_metadata, half, 'a refusal changes nothing');
  });

  it('keeps at most 20 mails per address, dropping the oldest', async () => {
    await t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: false } });
    for (let i = 0; i < 25; i++) {
      const answer = await t.api.call('POST', '/signup', {
        json: { email: 'again@example.com', password: 'pw' },
      });
      assert.equal(answer.status, 200);
    }
    const mails = (await t.api.mails()).filter((mail) => mail.to === 'again@example.com');
    assert.equal(mails.length, 20);
    const confirmed = await t.api.call('POST', '/verify', {
      json: { type: 'signup', token: mails.at(-1)!.token },
    });
    assert.equal(confirmed.status, 200, 'the newest link is the one kept');
    await t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: true } });
  });

  it('answers a password over 72 bytes with 422 on signup, invite acceptance and the admin API', async () => {
    const long = 'p'.repeat(73);
    const signup = await t.api.call('POST', '/signup', {
      json: { email: 'longpw@example.com', password: long },
    });
    assert.deepEqual(
      [signup.status, signup.body.msg],
      [422, 'Password is too long: 73 bytes, at most 72 (fewer characters outside ASCII)'],
    );
    const admin = await t.api.admin('POST', '/admin/users', {
      json: { email: 'longpw@example.com', password: long },
    });
    assert.equal(admin.status, 422);
  });

  it('refuses inherited names and __proto__ as providers, and keeps __proto__ in metadata as a key', async () => {
    for (const raw of [
      '{"external": {"toString": true}}',
      '{"external": {"__proto__": true}}',
      '{"external": {"constructor": true}}',
    ]) {
      const answer = await t.api.call('PUT', '/__dev/settings', {
        raw,
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(answer.status, 422, raw);
    }
    const settings = await t.api.call('GET', '/settings');
    assert.deepEqual(Object.keys(settings.body.external).sort(), [
      'bitbucket',
      'email',
      'facebook',
      'github',
      'gitlab',
      'google',
      'saml',
    ]);
    const user = await t.api.createUser('proto@example.com', 'pw');
    const updated = await t.api.admin('PUT', `/admin/users/${user.id}`, {
      raw: '{"user_metadata": {"__proto__": {"admin": true}}}',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.deepEqual(updated.body.user_metadata, { ['__proto__']: { admin: true } });
    assert.equal(({} as Record<string, unknown>).admin, undefined);
  });

  it('answers a path of 16,000 slashes with a 404, and a trailing slash still routes', async () => {
    const slashes = await t.api.call('GET', `/settings${'/'.repeat(16_000)}x`);
    assert.equal(slashes.status, 404);
    const trailing = await t.api.call('GET', `/settings${'/'.repeat(16_000)}`);
    assert.equal(trailing.status, 200);
  });
});
