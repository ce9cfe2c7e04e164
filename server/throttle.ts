import { HttpError } from './http.js';

/** So many attempts at once, then one more every `perMinute`-th of a minute. */
export interface ThrottleRule {
  attempts: number;
  perMinute: number;
}

export interface LoginThrottleOptions {
  /** Failed logins per email address, known or not. */
  account?: ThrottleRule;
  /** Failed logins per client address. */
  client?: ThrottleRule;
}

export const DEFAULT_LOGIN_THROTTLE: Required<LoginThrottleOptions> = {
  account: { attempts: 10, perMinute: 6 },
  client: { attempts: 30, perMinute: 30 },
};

// Beyond this many tracked keys the oldest are forgotten: a flood of addresses cannot grow memory.
const MAX_KEYS = 50_000;

/** A token bucket per key: each failure takes a token, tokens come back at a steady rate. */
class Buckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly msPerToken: number;

  constructor(
    private readonly rule: ThrottleRule,
    private readonly clock: () => number,
  ) {
    this.msPerToken = 60_000 / rule.perMinute;
  }

  /** Seconds until `key` may try again; 0 when it may now. */
  wait(key: string): number {
    const tokens = this.tokens(key);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * this.msPerToken) / 1000);
  }

  spend(key: string): void {
    const tokens = this.tokens(key) - 1;
    this.buckets.delete(key);
    if (this.buckets.size >= MAX_KEYS) this.buckets.delete(this.buckets.keys().next().value!);
    this.buckets.set(key, { tokens, at: this.clock() });
  }

  clear(): void {
    this.buckets.clear();
  }

  private tokens(key: string): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return this.rule.attempts;
    const refilled = (this.clock() - bucket.at) / this.msPerToken;
    return Math.min(this.rule.attempts, bucket.tokens + refilled);
  }
}

export function rateLimited(seconds: number, msg: string): HttpError {
  return new HttpError(429, { code: 429, msg }, { 'Retry-After': String(seconds) });
}

/** Slows password guessing per account and per client; `false` turns it off. */
export class LoginThrottle {
  private readonly account?: Buckets;
  private readonly client?: Buckets;

  constructor(options: LoginThrottleOptions | false | undefined, clock: () => number) {
    if (options === false) return;
    const account = options?.account ?? DEFAULT_LOGIN_THROTTLE.account;
    const client = options?.client ?? DEFAULT_LOGIN_THROTTLE.client;
    this.account = new Buckets(checkRule('account', account), clock);
    this.client = new Buckets(checkRule('client', client), clock);
  }

  /** Throws the 429 while either bucket is empty. */
  check(email: string, clientAddress: string): void {
    const seconds = Math.max(
      this.account?.wait(email.toLowerCase()) ?? 0,
      this.client?.wait(clientAddress) ?? 0,
    );
    if (seconds > 0) {
      throw rateLimited(seconds, `Too many failed logins: try again in ${seconds} seconds`);
    }
  }

  failed(email: string, clientAddress: string): void {
    this.account?.spend(email.toLowerCase());
    this.client?.spend(clientAddress);
  }

  clear(): void {
    this.account?.clear();
    this.client?.clear();
  }
}

function checkRule(name: string, rule: ThrottleRule): ThrottleRule {
  if (!(rule.attempts >= 1 && rule.perMinute > 0)) {
    throw new Error(`loginThrottle.${name} needs attempts >= 1 and perMinute > 0`);
  }
  return rule;
}
