import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startIdentityServer } from '../../server/index.js';
import { startTestServer } from './helpers.js';

describe('persistence with dataFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'identity-data-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps users, sessions and the signing secret across a restart', async () => {
    const dataFile = join(dir, 'nested', 'identity.json');
    const first = await startTestServer({ dataFile });
    await first.api.createUser('kept@example.com', 'pw', { user_metadata: { full_name: 'Kept' } });
    const session = await first.api.login('kept@example.com', 'pw');
    await first.server.stop();

    const stored = JSON.parse(readFileSync(dataFile, 'utf8'));
    assert.equal(stored.version, 1);
    assert.equal(stored.users.length, 1);
    assert.match(stored.users[0].passwordHash, /^scrypt\$16384\$8\$1\$/);
    assert.ok(!readFileSync(dataFile, 'utf8').includes('"pw"'));
    assert.equal(statSync(dataFile).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['identity.json']);

    const second = await startTestServer({ dataFile });
    try {
      const user = await second.api.call('GET', '/user', { token: session.access_token });
      assert.equal(user.status, 200, 'an access token signed before the restart still verifies');
      assert.deepEqual(user.body.user_metadata, { full_name: 'Kept' });
      const refreshed = await second.api.refresh(session.refresh_token);
      assert.equal(refreshed.status, 200, 'the refresh token survived the restart');
      await second.api.login('kept@example.com', 'pw');
    } finally {
      await second.server.stop();
    }
  });

  it('a revoked refresh token stays revoked after a restart', async () => {
    const dataFile = join(dir, 'revoked.json');
    const first = await startTestServer({ dataFile });
    await first.api.createUser('rev@example.com', 'pw');
    const session = await first.api.login('rev@example.com', 'pw');
    await first.api.call('POST', '/logout', { token: session.access_token });
    await first.server.stop();
    const second = await startTestServer({ dataFile });
    try {
      assert.equal((await second.api.refresh(session.refresh_token)).status, 400);
    } finally {
      await second.server.stop();
    }
  });

  it('writes atomically: the file always parses, even in the middle of a burst of writes', async () => {
    const dataFile = join(dir, 'burst.json');
    const t = await startTestServer({ dataFile });
    try {
      await t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: true } });
      let reads = 0;
      let writing = true;
      const signups = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          t.api.call('POST', '/signup', { json: { email: `u${i}@example.com`, password: 'pw' } }),
        ),
      ).finally(() => (writing = false));
      while (writing) {
        try {
          JSON.parse(readFileSync(dataFile, 'utf8'));
          reads++;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      await signups;
      assert.ok(reads > 0);
    } finally {
      await t.server.stop();
    }
    assert.equal(JSON.parse(readFileSync(dataFile, 'utf8')).users.length, 20);
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.startsWith('burst')),
      ['burst.json'],
    );
  });

  it('refuses to start on a broken data file, with a clear message', async () => {
    const dataFile = join(dir, 'broken.json');
    writeFileSync(dataFile, '{ not json');
    await assert.rejects(
      startIdentityServer({ dataFile, quiet: true }),
      /Cannot read the identity data file .*broken\.json/,
    );
  });
});
