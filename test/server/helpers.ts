import assert from 'node:assert/strict';
import {
  IDENTITY_PATH,
  type IdentityServer,
  type IdentityServerOptions,
  startIdentityServer,
} from '../../server/index.js';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A clock the test moves by hand, so a day can pass in a millisecond. */
export class TestClock {
  private offset = 0;
  readonly now = (): number => Date.now() + this.offset;
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read any field of any answer
  body: any;
}

export interface CallOptions {
  json?: unknown;
  form?: Record<string, string>;
  /** A raw body, sent as is with `headers`. */
  raw?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** Speaks to one server's identity API the way clients do. */
export class Api {
  constructor(
    readonly base: string,
    readonly operatorToken: string,
  ) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | undefined = options.raw;
    if (options.json !== undefined) {
      headers['Content-Type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    if (options.form) {
      headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
      body = new URLSearchParams(options.form).toString();
    }
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const response = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, body: parsed };
  }

  admin(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    return this.call(method, path, { token: this.operatorToken, ...options });
  }

  async mails(): Promise<
    Array<{
      to: string;
      subject: string;
      type: string;
      token: string;
      url: string;
      sent_at: string;
    }>
  > {
    const answer = await this.call('GET', '/__dev/mail');
    assert.equal(answer.status, 200);
    return answer.body;
  }

  async lastMail(to: string, type: string) {
    const mail = (await this.mails()).filter((m) => m.to === to && m.type === type).at(-1);
    assert.ok(mail, `a ${type} mail to ${to}`);
    return mail;
  }

  /** A confirmed user made through the admin API (one scrypt hash, no mail round trip). */
  async createUser(email: string, password: string, extra: Record<string, unknown> = {}) {
    const answer = await this.admin('POST', '/admin/users', {
      json: { email, password, confirm: true, ...extra },
    });
    assert.equal(answer.status, 200, answer.text);
    return answer.body;
  }

  async login(email: string, password: string) {
    const answer = await this.call('POST', '/token', {
      form: { grant_type: 'password', username: email, password },
    });
    assert.equal(answer.status, 200, answer.text);
    return answer.body as {
      access_token: string;
      token_type: string;
      expires_in: number;
      refresh_token: string;
    };
  }

  refresh(refreshToken: string): Promise<Answer> {
    return this.call('POST', '/token', {
      form: { grant_type: 'refresh_token', refresh_token: refreshToken },
    });
  }
}

export interface TestServer {
  server: IdentityServer;
  api: Api;
  clock: TestClock;
}

export async function startTestServer(options: IdentityServerOptions = {}): Promise<TestServer> {
  const clock = new TestClock();
  const server = await startIdentityServer({ quiet: true, clock: clock.now, ...options });
  return { server, clock, api: new Api(server.url + IDENTITY_PATH, server.operatorToken) };
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: { sub: string; exp: number; email: string; [claim: string]: unknown };
}

export function decodeJwt(token: string): DecodedJwt {
  const [header, claims] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
  return { header, claims };
}
