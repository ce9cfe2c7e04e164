import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { renderMailbox } from '../../server/mailbox.js';
import { type TestServer, decodeJwt, startTestServer } from './helpers.js';

describe('__dev controls', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.server.stop());
  beforeEach(async () => {
    await t.api.call('POST', '/__dev/reset');
  });

  it('PUT settings merges any subset and answers the new settings', async () => {
    const first = await t.api.call('PUT', '/__dev/settings', {
      json: { external: { github: true, google: true } },
    });
    assert.equal(first.status, 200);
    const second = await t.api.call('PUT', '/__dev/settings', {
      json: { autoconfirm: true, external: { google: false } },
    });
    assert.deepEqual(second.body, (await t.api.call('GET', '/settings')).body);
    assert.equal(second.body.autoconfirm, true);
    assert.equal(second.body.disable_signup, false);
    assert.equal(second.body.external.github, true);
    assert.equal(second.body.external.google, false);

    for (const json of [
      { autoconfirm: 'yes' },
      { external: { myspace: true } },
      { surprise: 1 },
      { external: [] },
    ]) {
      const refused = await t.api.call('PUT', '/__dev/settings', { json });
      assert.equal(refused.status, 422, JSON.stringify(json));
    }
  });

  it('POST reset forgets users, mails, faults, settings and the token lifetime', async () => {
    await t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: true } });
    await t.api.call('POST', '/signup', { json: { email: 'x@example.com', password: 'pw' } });
    await t.api.call('PUT', '/__dev/token-lifetime', { json: { seconds: 120 } });
    await t.api.call('POST', '/__dev/faults', { json: { path: '/settings', status: 503 } });
    const session = await t.api.login('x@example.com', 'pw');

    const reset = await t.api.call('POST', '/__dev/reset');
    assert.deepEqual([reset.status, reset.body], [200, {}]);
    assert.deepEqual(await t.api.mails(), []);
    assert.deepEqual((await t.api.admin('GET', '/admin/users')).body.users, []);
    const settings = await t.api.call('GET', '/settings');
    assert.equal(settings.status, 200);
    assert.equal(settings.body.autoconfirm, false);
    assert.equal((await t.api.refresh(session.refresh_token)).status, 400);
    await t.api.createUser('y@example.com', 'pw');
    assert.equal((await t.api.login('y@example.com', 'pw')).expires_in, 3600);
  });

  it('faults answer the next `count` matching requests with the given status and body', async () => {
    const added = await t.api.call('POST', '/__dev/faults', {
      json: {
        path: '/token',
        method: 'post',
        status: 503,
        body: { code: 503, msg: 'Try later' },
        count: 2,
      },
    });
    assert.equal(added.status, 201);
    // Another method on the same path is not matched.
    assert.equal((await t.api.call('GET', '/token')).status, 405);
    for (let i = 0; i < 2; i++) {
      const faulty = await t.api.call('POST', '/token', { form: { grant_type: 'password' } });
      assert.deepEqual([faulty.status, faulty.body], [503, { code: 503, msg: 'Try later' }]);
    }
    const normal = await t.api.call('POST', '/token', { form: { grant_type: 'password' } });
    assert.equal(normal.status, 400);
  });

  it('a fault without a body answers in the GoTrue error shape', async () => {
    await t.api.call('POST', '/__dev/faults', { json: { path: '/settings', status: 500 } });
    const faulty = await t.api.call('GET', '/settings');
    assert.equal(faulty.status, 500);
    assert.deepEqual(Object.keys(faulty.body), ['code', 'msg', 'error_id']);
    assert.equal((await t.api.call('GET', '/settings')).status, 200);
  });

  it('a fault with only a delay answers normally after waiting', async () => {
    await t.api.call('POST', '/__dev/faults', { json: { path: '/settings', delay: 300 } });
    const started = performance.now();
    const slow = await t.api.call('GET', '/settings');
    assert.equal(slow.status, 200);
    assert.ok(performance.now() - started >= 290, 'waited for the delay');
    const quick = performance.now();
    await t.api.call('GET', '/settings');
    assert.ok(performance.now() - quick < 250, 'only one request was delayed');
  });

  it('DELETE faults clears them; bad faults are refused', async () => {
    await t.api.call('POST', '/__dev/faults', {
      json: { path: '/settings', status: 500, count: 5 },
    });
    assert.equal((await t.api.call('GET', '/__dev/faults')).body.length, 1);
    assert.deepEqual((await t.api.call('DELETE', '/__dev/faults')).body, {});
    assert.equal((await t.api.call('GET', '/settings')).status, 200);
    for (const json of [
      {},
      { path: 'token' },
      { path: '/x', status: 99 },
      { path: '/x', count: 0 },
      { path: '/x', delay: -1 },
    ]) {
      assert.equal(
        (await t.api.call('POST', '/__dev/faults', { json })).status,
        422,
        JSON.stringify(json),
      );
    }
  });

  it('PUT token-lifetime sets the lifetime of access tokens issued afterwards', async () => {
    await t.api.createUser('life@example.com', 'pw');
    const answer = await t.api.call('PUT', '/__dev/token-lifetime', { json: { seconds: 75 } });
    assert.deepEqual([answer.status, answer.body], [200, { seconds: 75 }]);
    const session = await t.api.login('life@example.com', 'pw');
    assert.equal(session.expires_in, 75);
    const { exp } = decodeJwt(session.access_token).claims;
    assert.ok(Math.abs(exp - (Math.floor(t.clock.now() / 1000) + 75)) <= 1);
    t.clock.advance(76_000);
    assert.equal((await t.api.call('GET', '/user', { token: session.access_token })).status, 401);
    assert.equal(
      (await t.api.call('PUT', '/__dev/token-lifetime', { json: { seconds: 0 } })).status,
      422,
    );
  });

  it('refuses cross-origin browser requests', async () => {
    for (const [method, path] of [
      ['POST', '/__dev/reset'],
      ['GET', '/__dev/mail'],
      ['PUT', '/__dev/settings'],
    ]) {
      const answer = await t.api.call(method!, path!, {
        headers: { Origin: 'http://evil.example' },
        json: method === 'PUT' ? {} : undefined,
      });
      assert.equal(answer.status, 403, path);
      assert.equal(answer.body.code, 403);
    }
    assert.equal(
      (await t.api.call('POST', '/__dev/reset', { headers: { Origin: t.server.url } })).status,
      200,
    );
  });

  it('the mailbox lists mails with clickable, escaped links', async () => {
    await t.api.call('POST', '/signup', {
      json: { email: "o'neil&co@example.com", password: 'pw' },
    });
    const { url } = await t.api.lastMail("o'neil&co@example.com", 'confirmation');
    const page = await fetch(`${t.api.base}/__dev/mailbox`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html/);
    const html = await page.text();
    assert.ok(html.includes('o&#39;neil&amp;co@example.com'));
    assert.ok(!html.includes("o'neil&co"));
    assert.ok(html.includes(`href="${url}"`));
    assert.doesNotMatch(html, /<script/);
  });

  it('the mailbox page escapes markup in any field', () => {
    const html = renderMailbox(
      [
        {
          to: '<img src=x onerror=alert(1)>@example.com',
          subject: 'Confirm Your Signup',
          type: 'confirmation',
          token: 't',
          url: 'http://x/"><script>alert(1)</script>',
          sent_at: new Date(0).toISOString(),
        },
      ],
      '/.netlify/identity/__dev/mailbox',
    );
    assert.ok(!html.includes('<img src=x'));
    assert.ok(!html.includes('<script>'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;@example.com'));
  });
});

describe('__dev controls turned off', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer({ dev: false });
  });
  after(() => t.server.stop());

  it('answers 404 on every __dev route, faults included', async () => {
    for (const [method, path] of [
      ['GET', '/__dev/mail'],
      ['GET', '/__dev/mailbox'],
      ['POST', '/__dev/reset'],
      ['POST', '/__dev/faults'],
    ]) {
      const answer = await t.api.call(method!, path!);
      assert.deepEqual([answer.status, answer.body], [404, { code: 404, msg: 'Not Found' }], path);
    }
    assert.equal((await t.api.call('GET', '/settings')).status, 200);
  });
});
