import assert from 'node:assert/strict';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startIdentityServer } from '../../server/index.js';
import { startTestServer } from './helpers.js';

function lines(file: string) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

describe('persistence with dataFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'identity-data-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps users, sessions and the signing secret across a restart', async () => {
    const dataFile = join(dir, 'nested', 'identity.json');
    const first = await startTestServer({ dataFile });
    await first.api.createUser('kept@example.com', 'pw', { user_metadata: { full_name: 'Kept' } });
    const session = await first.api.login('kept@example.com', 'pw');
    await first.server.stop();

    const [header, ...entries] = lines(dataFile);
    assert.equal(header.format, 'netlify-identity-elements/journal');
    assert.equal(header.version, 2);
    const users = entries.filter((entry) => entry.type === 'user');
    assert.equal(new Set(users.map((entry) => entry.user.id)).size, 1);
    assert.match(users[0].user.passwordHash, /^scrypt\$16384\$8\$1\$/);
    assert.ok(!readFileSync(dataFile, 'utf8').includes('"pw"'));
    assert.equal(statSync(dataFile).mode & 0o777, 0o600);
    assert.deepEqual(
      readdirSync(join(dir, 'nested')),
      ['identity.json'],
      'no lock or temp file left',
    );

    const second = await startTestServer({ dataFile });
    try {
      const user = await second.api.call('GET', '/user', { token: session.access_token });
      assert.equal(user.status, 200, 'an access token signed before the restart still verifies');
      assert.deepEqual(user.body.user_metadata, { full_name: 'Kept' });
      const refreshed = await second.api.refresh(session.refresh_token);
      assert.equal(refreshed.status, 200, 'the refresh token survived the restart');
      await second.api.login('kept@example.com', 'pw');
      assert.equal((await second.api.refresh(session.refresh_token)).status, 400, 'still used');
    } finally {
      await second.server.stop();
    }
  });

  it('a revoked refresh token, and a session revoked by a replay, stay revoked after a restart', async () => {
    const dataFile = join(dir, 'revoked.json');
    const first = await startTestServer({ dataFile });
    await first.api.createUser('rev@example.com', 'pw');
    const loggedOut = await first.api.login('rev@example.com', 'pw');
    await first.api.call('POST', '/logout', { token: loggedOut.access_token });
    const replayed = await first.api.login('rev@example.com', 'pw');
    const next = (await first.api.refresh(replayed.refresh_token)).body.refresh_token;
    first.clock.advance(31_000);
    assert.equal((await first.api.refresh(replayed.refresh_token)).status, 400);
    await first.server.stop();
    const second = await startTestServer({ dataFile });
    try {
      assert.equal((await second.api.refresh(loggedOut.refresh_token)).status, 400);
      assert.equal((await second.api.refresh(next)).status, 400);
    } finally {
      await second.server.stop();
    }
  });

  it('answers a change only once it is in the file', async () => {
    const dataFile = join(dir, 'acknowledged.json');
    const t = await startTestServer({ dataFile });
    try {
      await t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: true } });
      const answers = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const email = `ack${i}@example.com`;
          const answer = await t.api.call('POST', '/signup', { json: { email, password: 'pw' } });
          assert.equal(answer.status, 200);
          // Read the moment the answer arrives, while the server is still running.
          const stored = lines(dataFile).filter((e) => e.type === 'user' && e.user.email === email);
          assert.ok(stored.at(-1)?.user.confirmedAt, `${email} is on disk when answered`);
          return answer;
        }),
      );
      assert.equal(answers.length, 20);
    } finally {
      await t.server.stop();
    }
  });

  it('writes a change that needs no hashing without waiting behind a burst of signups', async () => {
    const dataFile = join(dir, 'no-wait.json');
    const t = await startTestServer({ dataFile });
    try {
      await t.api.createUser('quick@example.com', 'pw');
      const { access_token: token } = await t.api.login('quick@example.com', 'pw');
      const order: string[] = [];
      const signups = Array.from({ length: 12 }, (_, i) =>
        t.api
          .call('POST', '/signup', { json: { email: `slow${i}@example.com`, password: 'pw' } })
          .then(() => order.push('signup')),
      );
      const update = t.api
        .call('PUT', '/user', { token, json: { data: { saved: true } } })
        .then((answer) => {
          assert.equal(answer.status, 200);
          order.push('update');
        });
      await Promise.all([...signups, update]);
      assert.ok(order.indexOf('update') < order.length - 1, order.join(' '));
      const stored = lines(dataFile).filter((e) => e.type === 'user' && e.user.userMetadata?.saved);
      assert.equal(stored.length, 1);
    } finally {
      await t.server.stop();
    }
  });

  it('a user deleted while their password change is hashed stays deleted', async () => {
    const dataFile = join(dir, 'deleted.json');
    const t = await startTestServer({ dataFile });
    try {
      const user = await t.api.createUser('gone@example.com', 'pw');
      const { access_token: token } = await t.api.login('gone@example.com', 'pw');
      const [change, deletion] = await Promise.all([
        t.api.call('PUT', '/user', { token, json: { password: 'a new password' } }),
        t.api.admin('DELETE', `/admin/users/${user.id}`),
      ]);
      assert.equal(deletion.status, 200);
      assert.ok([200, 404].includes(change.status), change.text);
      await t.server.stop();
      const again = await startTestServer({ dataFile });
      try {
        assert.equal((await again.api.admin('GET', `/admin/users/${user.id}`)).status, 404);
      } finally {
        await again.server.stop();
      }
    } finally {
      await t.server.stop();
    }
  });

  it('compacts the journal at start: one line per user, whatever their history', async () => {
    const dataFile = join(dir, 'compacted.json');
    const first = await startTestServer({ dataFile });
    const user = await first.api.createUser('busy@example.com', 'pw');
    for (let i = 0; i < 30; i++) {
      await first.api.admin('PUT', `/admin/users/${user.id}`, { json: { user_metadata: { i } } });
    }
    await first.server.stop();
    const before = statSync(dataFile).size;
    const second = await startTestServer({ dataFile });
    try {
      const after = statSync(dataFile).size;
      assert.ok(after < before / 5, `${before} bytes compacted to ${after}`);
      const answer = await second.api.admin('GET', `/admin/users/${user.id}`);
      assert.deepEqual(answer.body.user_metadata, { i: 29 });
    } finally {
      await second.server.stop();
    }
  });

  it('drops a torn last line (a write a crash cut off, never answered)', async () => {
    const dataFile = join(dir, 'torn.json');
    const first = await startTestServer({ dataFile });
    await first.api.createUser('whole@example.com', 'pw');
    await first.server.stop();
    appendFileSync(dataFile, '{"type":"user","user":{"id":"cut-off');
    const second = await startTestServer({ dataFile });
    try {
      const list = await second.api.admin('GET', '/admin/users');
      assert.deepEqual(
        list.body.users.map((u: { email: string }) => u.email),
        ['whole@example.com'],
      );
    } finally {
      await second.server.stop();
    }
    assert.ok(!readFileSync(dataFile, 'utf8').includes('cut-off'));
  });

  it('refuses to start on a file broken in the middle, naming the line, and leaves it as it was', async () => {
    const dataFile = join(dir, 'broken-middle.json');
    const first = await startTestServer({ dataFile });
    await first.api.createUser('a@example.com', 'pw');
    await first.api.createUser('b@example.com', 'pw');
    await first.server.stop();
    const text = readFileSync(dataFile, 'utf8').split('\n');
    text[1] = '{ damaged';
    writeFileSync(dataFile, text.join('\n'));
    await assert.rejects(
      startIdentityServer({ dataFile, quiet: true }),
      /Cannot read the identity data file .*broken-middle\.json: line 2 is not valid JSON/,
    );
    assert.equal(readFileSync(dataFile, 'utf8'), text.join('\n'));
  });

  it('refuses to start on a file that is not a data file, with a clear message', async () => {
    const dataFile = join(dir, 'broken.json');
    writeFileSync(dataFile, '{ not json');
    await assert.rejects(
      startIdentityServer({ dataFile, quiet: true }),
      /Cannot read the identity data file .*broken\.json/,
    );
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.startsWith('broken.json.')),
      [],
      'no lock left behind',
    );
  });

  it('reads the JSON data file of earlier versions and rewrites it as a journal', async () => {
    const dataFile = join(dir, 'legacy.json');
    const secret = Buffer.alloc(32, 7).toString('base64');
    const legacyUser = {
      id: '0b7c8e2e-54c1-4c9e-9d6a-1f2e3d4c5b6a',
      aud: '',
      role: '',
      email: 'old@example.com',
      confirmedAt: '2025-01-01T00:00:00.000Z',
      appMetadata: { provider: 'email' },
      userMetadata: { full_name: 'Old' },
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    const refresh = {
      token: 'legacy-refresh-token-000',
      userId: legacyUser.id,
      issuedAt: Date.now(),
    };
    writeFileSync(
      dataFile,
      JSON.stringify(
        { version: 1, secret, users: [legacyUser], refreshTokens: [refresh] },
        null,
        2,
      ),
    );
    const t = await startTestServer({ dataFile });
    try {
      assert.equal(lines(dataFile)[0].format, 'netlify-identity-elements/journal');
      const refreshed = await t.api.refresh(refresh.token);
      assert.equal(refreshed.status, 200);
      const user = await t.api.call('GET', '/user', { token: refreshed.body.access_token });
      assert.equal(user.body.email, 'old@example.com');
    } finally {
      await t.server.stop();
    }
  });
});
