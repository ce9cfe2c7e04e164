import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { type IdentityServerOptions } from '../../server/index.js';
import { type TestServer, decodeJwt, startTestServer } from './helpers.js';

/** A site folder with netlify/functions, and a server playing the platform's part for it. */
class Site {
  readonly root = mkdtempSync(join(tmpdir(), 'identity-events-'));
  readonly functions = join(this.root, 'netlify', 'functions');
  readonly lines: string[] = [];
  t!: TestServer;

  constructor() {
    mkdirSync(this.functions, { recursive: true });
  }

  write(file: string, code: string): void {
    mkdirSync(join(this.functions, file, '..'), { recursive: true });
    writeFileSync(join(this.functions, file), code);
  }

  remove(file: string): void {
    rmSync(join(this.functions, file), { force: true });
  }

  /** A file the functions write to show that they ran. */
  marker(name: string): string {
    return join(this.root, name);
  }

  /** Whether a function has written the marker: it exists and its text has arrived. */
  written(name: string): boolean {
    return existsSync(this.marker(name)) && readFileSync(this.marker(name), 'utf8') !== '';
  }

  async start(options: IdentityServerOptions = {}): Promise<void> {
    const record = (line: string) => this.lines.push(line);
    this.t = await startTestServer({
      quiet: false,
      projectRoot: this.root,
      logger: { log: record, error: record },
      ...options,
    });
    await this.t.server.app.functionsChecked;
  }

  async stop(): Promise<void> {
    await this.t?.server.stop();
    rmSync(this.root, { recursive: true, force: true });
  }

  logged(pattern: RegExp): boolean {
    return this.lines.some((line) => pattern.test(line));
  }

  async signup(email: string, data?: Record<string, unknown>) {
    return this.t.api.call('POST', '/signup', { json: { email, password: 'pw-123456', data } });
  }

  async autoconfirm(on = true): Promise<void> {
    const answer = await this.t.api.call('PUT', '/__dev/settings', { json: { autoconfirm: on } });
    assert.equal(answer.status, 200);
  }

  async loginClaims(email: string) {
    return decodeJwt((await this.t.api.login(email, 'pw-123456')).access_token).claims;
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await sleep(25);
  }
  assert.fail(`timed out waiting for ${what}`);
}

describe('Identity event functions: the file-named kind', () => {
  const site = new Site();
  before(async () => {
    site.write(
      'identity-validate.mjs',
      `export async function handler(event) {
        const { event: name, user } = JSON.parse(event.body);
        if (name !== 'validate') return { statusCode: 500 };
        if (user.email.endsWith('@blocked.example')) return { statusCode: 403, body: 'no' };
        return { statusCode: 204 };
      }`,
    );
    // TypeScript with types, run without a build step; the documented example's shape.
    site.write(
      'identity-signup.ts',
      `import type { Buffer as _B } from 'node:buffer';
      interface Payload { event: string; instance_id: string; user: { email: string; app_metadata: Record<string, unknown>; user_metadata: Record<string, unknown> | null } }
      export const handler = async (event: { body: string }) => {
        const payload: Payload = JSON.parse(event.body);
        console.log('signing up ' + payload.user.email);
        return {
          statusCode: 200,
          body: JSON.stringify({
            app_metadata: { ...payload.user.app_metadata, roles: ['member'] },
            user_metadata: { ...payload.user.user_metadata, seen: payload.event, instance: Boolean(payload.instance_id) },
          }),
        };
      };`,
    );
    site.write(
      'identity-login.cjs',
      `exports.handler = async (event, context) => {
        const { user } = JSON.parse(event.body);
        if (user.user_metadata && user.user_metadata.banned) return { statusCode: 401 };
        const count = ((user.user_metadata || {}).logins || 0) + 1;
        return { statusCode: 200, body: JSON.stringify({ user_metadata: { ...user.user_metadata, logins: count, admin_url: context.clientContext.identity.url } }) };
      };`,
    );
    await site.start();
  });
  after(() => site.stop());
  beforeEach(async () => {
    await site.t.api.call('POST', '/__dev/reset');
  });

  test('identity-validate runs before the account exists and can block it', async () => {
    const refused = await site.signup('eve@blocked.example');
    assert.equal(refused.status, 422);
    assert.match(refused.body.msg, /refused by the site's identity-validate function/);
    const users = await site.t.api.admin('GET', '/admin/users');
    assert.equal(users.body.users.length, 0, 'no account was created');
    assert.equal((await site.t.api.mails()).length, 0, 'no confirmation mail');

    const allowed = await site.signup('ann@example.com');
    assert.equal(allowed.status, 200);
  });

  test('identity-signup runs at once with autoconfirm, and its answer is in the first token', async () => {
    await site.autoconfirm();
    const answer = await site.signup('ann@example.com', { full_name: 'Ann' });
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body.app_metadata, { provider: 'email', roles: ['member'] });
    assert.deepEqual(answer.body.user_metadata, {
      full_name: 'Ann',
      seen: 'signup',
      instance: true,
    });
    const claims = await site.loginClaims('ann@example.com');
    assert.deepEqual((claims.app_metadata as { roles: string[] }).roles, ['member']);
    assert.ok(
      site.logged(/^\[identity-signup\] signing up ann@example\.com$/),
      'console output, named',
    );
  });

  test('identity-signup waits for the confirmation link when confirmation is on', async () => {
    const answer = await site.signup('bob@example.com');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.app_metadata.roles, undefined, 'not before confirmation');
    const mail = await site.t.api.lastMail('bob@example.com', 'confirmation');
    const verified = await site.t.api.call('POST', '/verify', {
      json: { type: 'signup', token: mail.token },
    });
    assert.equal(verified.status, 200, verified.text);
    const claims = decodeJwt(verified.body.access_token).claims;
    assert.deepEqual((claims.app_metadata as { roles: string[] }).roles, ['member']);
  });

  test('identity-login runs on each login, can change the user and can block', async () => {
    await site.t.api.createUser('cat@example.com', 'pw-123456');
    const first = await site.loginClaims('cat@example.com');
    assert.equal((first.user_metadata as { logins: number }).logins, 1);
    const second = await site.loginClaims('cat@example.com');
    assert.equal((second.user_metadata as { logins: number }).logins, 2);
    assert.match(
      String((second.user_metadata as { admin_url: string }).admin_url),
      /^http:\/\/localhost:\d+\/\.netlify\/identity$/,
      'clientContext.identity.url',
    );

    await site.t.api.createUser('dan@example.com', 'pw-123456', {
      user_metadata: { banned: true },
    });
    const refused = await site.t.api.call('POST', '/token', {
      form: { grant_type: 'password', username: 'dan@example.com', password: 'pw-123456' },
    });
    assert.equal(refused.status, 422);
    assert.match(refused.body.msg, /Login was refused by the site's identity-login function/);
  });

  test('the file-named kind does not hear external-provider signups', async () => {
    await site.t.api.call('PUT', '/__dev/settings', { json: { external: { github: true } } });
    const authorize = await fetch(`${site.t.api.base}/authorize?provider=github`, {
      redirect: 'manual',
    });
    const state = new URL(authorize.headers.get('location')!, site.t.server.url).searchParams.get(
      'state',
    )!;
    const consent = await site.t.api.call('POST', '/__provider/consent', {
      form: { state, decision: 'allow', email: 'gh@example.com', name: 'Gh' },
    });
    const callback = await fetch(new URL(consent.headers.get('location')!, site.t.server.url), {
      redirect: 'manual',
    });
    const hash = new URLSearchParams(new URL(callback.headers.get('location')!).hash.slice(1));
    const claims = decodeJwt(hash.get('access_token')!).claims;
    assert.equal((claims.app_metadata as { roles?: string[] }).roles, undefined);
  });
});

describe('Identity event functions: handler objects', () => {
  const site = new Site();
  before(async () => {
    site.write(
      'roles.mts',
      `export default {
        async userValidate(event) {
          if (event.user.email.endsWith('@spam.example')) event.deny();
        },
        async userSignup(event) {
          return { user: { ...event.user, appMetadata: { ...event.user.appMetadata, roles: ['member'] } } };
        },
        async userLogin(event) {
          if (event.user.userMetadata.locked) event.deny('This account is locked.');
        },
        async userModified(event) {
          if (event.user.userMetadata.nickname === 'root') event.deny();
        },
        async userDeleted(event) {
          const { writeFileSync } = await import('node:fs');
          writeFileSync(${JSON.stringify(site.marker('deleted'))}, event.user.email);
        },
      };`,
    );
    // Runs after roles.mts (by name) and sees its change.
    site.write(
      'welcome/welcome.ts',
      `type User = { email: string; roles?: string[]; appMetadata: Record<string, unknown> };
      export default {
        userSignup(event: { user: User }) {
          return { user: { ...event.user, roles: [...(event.user.roles ?? []), 'newcomer'] } };
        },
      };`,
    );
    await site.start();
  });
  after(() => site.stop());
  beforeEach(async () => {
    await site.t.api.call('POST', '/__dev/reset');
    await site.autoconfirm();
  });

  test('userSignup functions run in order, each seeing the last one’s user', async () => {
    const answer = await site.signup('ann@example.com');
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.body.app_metadata.roles, ['member', 'newcomer']);
    const claims = await site.loginClaims('ann@example.com');
    assert.deepEqual((claims.app_metadata as { roles: string[] }).roles, ['member', 'newcomer']);
  });

  test('event.deny() in userValidate refuses the signup with a 401', async () => {
    const answer = await site.signup('bot@spam.example');
    assert.equal(answer.status, 401);
    assert.match(answer.body.msg, /Signup was denied by the site/);
    assert.equal((await site.t.api.admin('GET', '/admin/users')).body.users.length, 0);
  });

  test('userLogin can deny with its own words', async () => {
    await site.t.api.createUser('lee@example.com', 'pw-123456', {
      user_metadata: { locked: true },
    });
    const refused = await site.t.api.call('POST', '/token', {
      form: { grant_type: 'password', username: 'lee@example.com', password: 'pw-123456' },
    });
    assert.equal(refused.status, 401);
    assert.equal(refused.body.msg, 'This account is locked.');
  });

  test('userModified can deny a profile change, which then leaves the user as it was', async () => {
    await site.t.api.createUser('max@example.com', 'pw-123456');
    const { access_token } = await site.t.api.login('max@example.com', 'pw-123456');
    const refused = await site.t.api.call('PUT', '/user', {
      token: access_token,
      json: { data: { nickname: 'root' } },
    });
    assert.equal(refused.status, 401);
    const user = await site.t.api.call('GET', '/user', { token: access_token });
    assert.equal(user.body.user_metadata?.nickname, undefined);
    const allowed = await site.t.api.call('PUT', '/user', {
      token: access_token,
      json: { data: { nickname: 'maxi' } },
    });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.body.user_metadata.nickname, 'maxi');
  });

  test('userDeleted hears a deletion', async () => {
    const user = await site.t.api.createUser('old@example.com', 'pw-123456');
    assert.equal((await site.t.api.admin('DELETE', `/admin/users/${user.id}`)).status, 200);
    await until(() => site.written('deleted'), 'userDeleted');
    assert.equal(readFileSync(site.marker('deleted'), 'utf8'), 'old@example.com');
  });

  test('userSignup hears external-provider signups too', async () => {
    await site.t.api.call('PUT', '/__dev/settings', { json: { external: { github: true } } });
    const authorize = await fetch(`${site.t.api.base}/authorize?provider=github`, {
      redirect: 'manual',
    });
    const state = new URL(authorize.headers.get('location')!, site.t.server.url).searchParams.get(
      'state',
    )!;
    const consent = await site.t.api.call('POST', '/__provider/consent', {
      form: { state, decision: 'allow', email: 'gh@example.com', name: 'Gh' },
    });
    const callback = await fetch(new URL(consent.headers.get('location')!, site.t.server.url), {
      redirect: 'manual',
    });
    const hash = new URLSearchParams(new URL(callback.headers.get('location')!).hash.slice(1));
    const claims = decodeJwt(hash.get('access_token')!).claims;
    assert.deepEqual((claims.app_metadata as { roles: string[] }).roles, ['member', 'newcomer']);
  });
});

describe('Identity event functions: chains, background runs, failures and edits', () => {
  const site = new Site();
  before(async () => {
    site.write(
      'a-gatekeeper.mjs',
      `export default { userSignup(event) { if (event.user.email.startsWith('no')) event.deny(); } };`,
    );
    site.write(
      'b-after.mjs',
      `import { appendFileSync } from 'node:fs';
      export default { userSignup(event) { appendFileSync(${JSON.stringify(site.marker('after'))}, event.user.email + '\\n'); } };`,
    );
    site.write(
      'identity-login-background.mjs',
      `import { existsSync, writeFileSync } from 'node:fs';
      export const handler = async (event) => {
        // Held until the test has seen the login answered (a fixed delay flakes on a busy machine).
        while (!existsSync(${JSON.stringify(site.marker('release'))})) await new Promise((resolve) => setTimeout(resolve, 10));
        writeFileSync(${JSON.stringify(site.marker('background'))}, JSON.parse(event.body).user.email);
        return { statusCode: 403 };
      };`,
    );
    site.write(
      'slow-notes.mjs',
      `import { existsSync, writeFileSync } from 'node:fs';
      export const config = { background: true };
      export default { async userLogin(event) {
        // Held until the test has seen the login answered (a fixed delay flakes on a busy machine).
        while (!existsSync(${JSON.stringify(site.marker('release'))})) await new Promise((resolve) => setTimeout(resolve, 10));
        writeFileSync(${JSON.stringify(site.marker('handler-background'))}, event.user.email);
        event.deny();
      } };`,
    );
    site.write('broken-syntax.mjs', `export default { userLogin(event) { return { ; } };`);
    await site.start({ functionTimeout: 1500 });
  });
  after(() => site.stop());
  beforeEach(async () => {
    await site.t.api.call('POST', '/__dev/reset');
    await site.autoconfirm();
  });

  test('a function that does not load is named at start', () => {
    assert.ok(site.logged(/function broken-syntax .* cannot be loaded/), site.lines.join('\n'));
  });

  test('the first function that denies stops the chain', async () => {
    const refused = await site.signup('nobody@example.com');
    assert.equal(refused.status, 401);
    const ok = await site.signup('yes@example.com');
    assert.equal(ok.status, 200, ok.text);
    assert.equal(readFileSync(site.marker('after'), 'utf8'), 'yes@example.com\n');
  });

  test('a function that does not load fails the login it guards, by name, on each call', async () => {
    await site.t.api.createUser('ann@example.com', 'pw-123456');
    for (let i = 0; i < 2; i++) {
      const lines = site.lines.length;
      const refused = await site.t.api.call('POST', '/token', {
        form: { grant_type: 'password', username: 'ann@example.com', password: 'pw-123456' },
      });
      assert.equal(refused.status, 422);
      assert.match(refused.body.msg, /the site's broken-syntax function could not be loaded/);
      assert.ok(
        site.lines.slice(lines).some((line) => /broken-syntax .*cannot be loaded/.test(line)),
      );
    }
  });

  test('background functions do not hold the login up, and their answer does not count', async () => {
    site.remove('broken-syntax.mjs');
    await site.t.api.createUser('bea@example.com', 'pw-123456');
    await site.t.api.login('bea@example.com', 'pw-123456');
    assert.ok(!existsSync(site.marker('background')), 'the file-named one was still running');
    assert.ok(!existsSync(site.marker('handler-background')), 'the handler was still running');
    writeFileSync(site.marker('release'), '');
    await until(() => site.written('background'), 'identity-login-background');
    await until(() => site.written('handler-background'), 'background handler');
    await until(
      () => site.logged(/\[identity-login-background\] background run answered 403/),
      'the log',
    );
  });

  test('a throwing function gives a readable error, logged by name; the server keeps going', async () => {
    site.write(
      'identity-signup.mjs',
      `export const handler = async () => { throw new Error('database is down'); };`,
    );
    try {
      const refused = await site.signup('zed@example.com');
      assert.equal(refused.status, 422);
      assert.match(refused.body.msg, /identity-signup function failed \(Error: database is down\)/);
      assert.equal((await site.t.api.admin('GET', '/admin/users')).body.users.length, 0);
      assert.ok(site.logged(/function identity-signup .* failed: Error: database is down/));
    } finally {
      site.remove('identity-signup.mjs');
    }
    assert.equal((await site.signup('zed@example.com')).status, 200);
  });

  test('a function that runs too long is stopped, and the action fails', async () => {
    site.write('identity-validate.mjs', `export const handler = () => { for (;;) {} };`);
    try {
      const refused = await site.signup('loop@example.com');
      assert.equal(refused.status, 422);
      assert.match(refused.body.msg, /identity-validate function did not answer in time/);
    } finally {
      site.remove('identity-validate.mjs');
    }
    assert.equal((await site.t.api.call('GET', '/settings')).status, 200);
  });

  test('a function with no handler export fails by name', async () => {
    site.write('identity-validate.mjs', `export const notAHandler = () => ({ statusCode: 200 });`);
    try {
      const refused = await site.signup('nohandler@example.com');
      assert.equal(refused.status, 422);
      assert.match(refused.body.msg, /identity-validate function could not be loaded/);
      assert.ok(site.logged(/identity-validate .* cannot be loaded: it exports no handler/));
    } finally {
      site.remove('identity-validate.mjs');
    }
  });

  test('an edited function takes effect on the next call, helpers included', async () => {
    site.write('lib/role.mjs', `export const role = 'first';`);
    site.write(
      'identity-signup.mjs',
      `import { role } from './lib/role.mjs';
      export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ app_metadata: { roles: [role] } }) });`,
    );
    try {
      assert.deepEqual((await site.signup('one@example.com')).body.app_metadata.roles, ['first']);
      site.write('lib/role.mjs', `export const role = 'second';`);
      assert.deepEqual((await site.signup('two@example.com')).body.app_metadata.roles, ['second']);
    } finally {
      site.remove('identity-signup.mjs');
      rmSync(join(site.functions, 'lib'), { recursive: true, force: true });
    }
  });
});

describe('Identity event functions: where they are found', () => {
  test('[functions] directory in netlify.toml', async () => {
    const site = new Site();
    try {
      writeFileSync(join(site.root, 'netlify.toml'), `[functions]\n  directory = "fns"\n`);
      mkdirSync(join(site.root, 'fns'));
      writeFileSync(
        join(site.root, 'fns', 'identity-signup.js'),
        `export const handler = async () => ({ statusCode: 200, body: JSON.stringify({ app_metadata: { roles: ['from-toml'] } }) });`,
      );
      await site.start();
      await site.autoconfirm();
      assert.deepEqual((await site.signup('toml@example.com')).body.app_metadata.roles, [
        'from-toml',
      ]);
    } finally {
      await site.stop();
    }
  });

  test('the functions option wins, and a missing folder is reported', async () => {
    const site = new Site();
    try {
      await site.start({ functions: join(site.root, 'nowhere') });
      assert.ok(site.logged(/functions folder .*nowhere does not exist/));
      assert.equal((await site.signup('x@example.com')).status, 200);
    } finally {
      await site.stop();
    }
  });
});
