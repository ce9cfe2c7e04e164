import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createIdentityApp, identityMiddleware } from '../../server/index.js';
import { type TestServer, startTestServer } from './helpers.js';

describe('bad input never breaks the server', () => {
  let t: TestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.server.stop());

  it('answers malformed JSON with 400', async () => {
    const answer = await t.api.call('POST', '/signup', {
      raw: '{"email": ',
      headers: { 'Content-Type': 'application/json' },
    });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.code, 400);
    assert.match(answer.body.msg, /^Could not read Signup params: /);
  });

  it('answers JSON that is not an object, or fields of the wrong type, with 400', async () => {
    for (const raw of [
      '[]',
      '"text"',
      '42',
      '{"email": 5, "password": "x"}',
      '{"email": "a@b.co", "password": "x", "data": [1]}',
    ]) {
      const answer = await t.api.call('POST', '/signup', {
        raw,
        headers: { 'Content-Type': 'application/json' },
      });
      assert.equal(answer.status, 400, raw);
      assert.equal(answer.body.code, 400);
    }
  });

  it('answers a body that is not JSON with 415', async () => {
    const answer = await t.api.call('POST', '/signup', {
      raw: 'email=a@b.co',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.deepEqual(
      [answer.status, answer.body],
      [415, { code: 415, msg: 'Content-Type must be application/json' }],
    );
  });

  it('answers a body over 64 KB with 413', async () => {
    const big = JSON.stringify({
      email: 'big@example.com',
      password: 'x',
      data: { blob: 'x'.repeat(64 * 1024) },
    });
    const answer = await t.api.call('POST', '/signup', {
      raw: big,
      headers: { 'Content-Type': 'application/json' },
    });
    assert.deepEqual(
      [answer.status, answer.body],
      [413, { code: 413, msg: 'Request body too large: at most 65536 bytes' }],
    );
    const form = await t.api.call('POST', '/token', {
      raw: 'a'.repeat(64 * 1024 + 1),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(form.status, 413);
    assert.equal((await t.api.call('GET', '/settings')).status, 200);
  });

  it('answers unknown routes with 404 JSON and wrong methods with 405 JSON', async () => {
    const unknown = await t.api.call('GET', '/nothing/here');
    assert.deepEqual([unknown.status, unknown.body], [404, { code: 404, msg: 'Not Found' }]);
    assert.match(unknown.headers.get('content-type')!, /^application\/json/);
    const root = await t.api.call('GET', '');
    assert.equal(root.status, 404);
    const wrong = await t.api.call('DELETE', '/signup');
    assert.deepEqual([wrong.status, wrong.body], [405, { code: 405, msg: 'Method Not Allowed' }]);
    assert.equal(wrong.headers.get('allow'), 'POST');
    const user = await t.api.call('PATCH', '/user');
    assert.equal(user.headers.get('allow'), 'GET, PUT');
  });

  it('without a root folder, paths outside the identity API are 404', async () => {
    const response = await fetch(`${t.server.url}/index.html`);
    assert.equal(response.status, 404);
  });

  it('survives raw protocol garbage and a hostile Host header', async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(t.server.port, '127.0.0.1', () => socket.end(text));
        let received = '';
        socket.on('data', (chunk) => (received += chunk));
        socket.on('close', () => resolve(received));
        socket.on('error', reject);
      });
    assert.match(await raw('NOT HTTP AT ALL\r\n\r\n'), /^HTTP\/1\.1 400/);
    assert.match(
      await raw(
        'GET /.netlify/identity/settings HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n',
      ),
      /^HTTP\/1\.1 403/,
    );
    assert.match(
      await raw(
        'GET //.netlify/identity/settings HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
      ),
      /^HTTP\/1\.1 404/,
    );
    assert.equal((await t.api.call('GET', '/settings')).status, 200);
  });

  it('answers many concurrent bad requests and then good ones', async () => {
    const bad = Array.from({ length: 50 }, (_, i) =>
      t.api.call('POST', i % 2 ? '/verify' : '/token', {
        raw: '{{{',
        headers: { 'Content-Type': i % 3 ? 'application/json' : 'text/plain' },
      }),
    );
    const answers = await Promise.all(bad);
    assert.ok(answers.every((a) => a.status >= 400 && a.status < 500));
    assert.equal((await t.api.call('GET', '/settings')).status, 200);
  });
});

describe('identityMiddleware and unexpected errors', () => {
  it('hands other paths to next, and answers a crash inside a handler with a 500 in GoTrue shape', async () => {
    const app = createIdentityApp({ quiet: true });
    const middleware = identityMiddleware(app);
    const server = createServer((req, res) => {
      if (req.url!.endsWith('/explode')) {
        // A request the handler cannot even read: stands in for any bug inside a route.
        let reads = 0;
        const host = req.headers.host;
        Object.defineProperty(req.headers, 'host', {
          get: () => {
            if (reads++ === 0) throw new Error('boom');
            return host;
          },
        });
      }
      middleware(req, res, () => res.end('next'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      assert.equal(await (await fetch(`${base}/page`)).text(), 'next');
      const crashed = await fetch(`${base}/.netlify/identity/explode`);
      assert.equal(crashed.status, 500);
      const body = (await crashed.json()) as Record<string, unknown>;
      assert.deepEqual(Object.keys(body), ['code', 'msg', 'error_id']);
      assert.equal(body.code, 500);
      assert.equal((await fetch(`${base}/.netlify/identity/settings`)).status, 200);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    }
  });
});
