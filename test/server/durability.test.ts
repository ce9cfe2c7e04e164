// Crashes and second starts: the server is a child process here, so it can be killed with SIGKILL
// in the middle of its writes, and a second server can meet the first one's lock.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startIdentityServer } from '../../server/index.js';
import { Api, startTestServer } from './helpers.js';

const runner = fileURLToPath(new URL('./fixtures/run-cli.ts', import.meta.url));
const OPERATOR = 'durability-operator-token';

interface Running {
  child: ChildProcess;
  url: string;
  api: Api;
}

async function serve(site: string, dataFile: string): Promise<Running> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', runner, 'serve', site, '--port', '0', '--data', dataFile],
    {
      env: { ...process.env, IDENTITY_OPERATOR_TOKEN: OPERATOR },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      const match = /Site:\s+(\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { child, url, api: new Api(`${url}/.netlify/identity`, OPERATOR) };
}

async function kill(running: Running): Promise<void> {
  const exited = once(running.child, 'exit');
  running.child.kill('SIGKILL');
  await exited;
}

async function allEmails(api: Api): Promise<Set<string>> {
  const emails = new Set<string>();
  for (let page = 1; ; page++) {
    const answer = await api.admin('GET', `/admin/users?per_page=500&page=${page}`);
    assert.equal(answer.status, 200, answer.text);
    for (const user of answer.body.users) emails.add(user.email);
    if (answer.body.users.length < 500) return emails;
  }
}

describe('durability: kill -9 loses nothing that was answered', () => {
  const dir = mkdtempSync(join(tmpdir(), 'identity-durability-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged signup across SIGKILLs during 20 concurrent signups, four rounds', async () => {
    const dataFile = join(dir, 'crash.json');
    const acknowledged = new Map<string, string>();
    for (let round = 0; round < 4; round++) {
      const server = await serve(dir, dataFile);
      // Dev settings live in memory: each start begins with the defaults.
      const settings = await server.api.call('PUT', '/__dev/settings', {
        json: { autoconfirm: true },
      });
      assert.equal(settings.status, 200);
      let stop = false;
      let sent = 0;
      let answeredThisRound = 0;
      let enoughAnswered: () => void;
      const enough = new Promise<void>((resolve) => (enoughAnswered = resolve));
      const client = async (id: number) => {
        while (!stop) {
          const email = `r${round}-c${id}-${sent++}@example.com`;
          const answer = await server.api
            .call('POST', '/signup', {
              json: { email, password: `pw-${email}`, data: { round } },
            })
            .catch(() => undefined);
          if (answer?.status !== 200) continue;
          acknowledged.set(email, answer.body.id);
          if (++answeredThisRound === 10) enoughAnswered();
        }
      };
      const clients = Array.from({ length: 20 }, (_, id) => client(id));
      // Killed in full flow (20 signups hashing or writing), at a moment that differs each round.
      await enough;
      await new Promise((resolve) => setTimeout(resolve, 50 + round * 150));
      await kill(server);
      stop = true;
      await Promise.all(clients);
    }
    assert.ok(acknowledged.size >= 40, `only ${acknowledged.size} signups were answered`);

    const server = await serve(dir, dataFile);
    try {
      const stored = await allEmails(server.api);
      const lost = [...acknowledged.keys()].filter((email) => !stored.has(email));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged users lost`);
      const [email, id] = [...acknowledged].at(-1)!;
      const user = await server.api.admin('GET', `/admin/users/${id}`);
      assert.equal(user.body.email, email);
      assert.ok(user.body.confirmed_at, 'autoconfirm was answered, so it is kept');
      await server.api.login(email, `pw-${email}`);
    } finally {
      await kill(server);
    }
  });

  it('a second server on the same data file fails at once, naming the first; a dead one is taken over', async () => {
    const site = mkdtempSync(join(dir, 'site-'));
    const dataFile = join(dir, 'locked.json');
    const first = await serve(site, dataFile);
    try {
      await assert.rejects(startIdentityServer({ dataFile, quiet: true }), (error: Error) => {
        assert.match(error.message, /in use by another server/);
        assert.ok(error.message.includes(`process ${first.child.pid}`), error.message);
        assert.ok(error.message.includes(first.url), error.message);
        return true;
      });
      await first.api.createUser('locked@example.com', 'pw');
    } finally {
      await kill(first);
    }
    assert.ok(existsSync(`${dataFile}.lock`), 'SIGKILL left the lock behind');
    const second = await startTestServer({ dataFile });
    try {
      assert.equal((await second.api.admin('GET', '/admin/users')).body.users.length, 1);
    } finally {
      await second.server.stop();
    }
    assert.ok(!existsSync(`${dataFile}.lock`), 'a clean stop removes the lock');
  });

  it('cleans up temporary files a crash left behind at start', async () => {
    const dataFile = join(dir, 'leftovers.json');
    writeFileSync(`${dataFile}.0123456789ab.tmp`, 'half a snapshot');
    writeFileSync(join(dir, 'unrelated.tmp'), 'not ours');
    const t = await startTestServer({ dataFile });
    await t.server.stop();
    const names = readdirSync(dir);
    assert.ok(!names.includes('leftovers.json.0123456789ab.tmp'));
    assert.ok(names.includes('unrelated.tmp'), "only the data file's own leftovers go");
    assert.ok(readFileSync(dataFile, 'utf8').length > 0);
  });
});
