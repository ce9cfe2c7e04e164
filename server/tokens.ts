import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { JournalEntry } from './journal.js';
import { apiError, oauthError } from './http.js';
import type { UserRecord } from './users.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** How long each single-use link and each refresh token stays valid (GoTrue's values). */
export const TOKEN_LIFETIME_MS = {
  confirmation: DAY,
  invite: 7 * DAY,
  recovery: DAY,
  emailChange: DAY,
  refresh: 30 * DAY,
};

export const DEFAULT_ACCESS_TOKEN_SECONDS = 3600;

/** 16 random bytes, base64url: URL-safe, because gotrue-js sends refresh tokens unencoded. */
export function randomToken(): string {
  return randomBytes(16).toString('base64url');
}

export interface AccessTokenClaims {
  sub: string;
  aud?: string;
  exp: number;
  email: string;
  app_metadata: Record<string, unknown>;
  user_metadata: Record<string, unknown> | null;
}

const JWT_HEADER = Buffer.from(
  JSON.stringify({ alg: 'HS256', kid: 'nf-ident', typ: 'JWT' }),
).toString('base64url');

function invalidToken(reason: string) {
  return apiError(401, `Invalid token: ${reason}`);
}

/**
 * HS256 JWTs signed and checked with node:crypto on the calling thread: microseconds, where WebCrypto
 * would queue each one behind password hashing in libuv's thread pool.
 */
export class AccessTokens {
  lifetimeSeconds = DEFAULT_ACCESS_TOKEN_SECONDS;

  constructor(
    private readonly secret: Uint8Array,
    private readonly clock: () => number,
  ) {}

  sign(user: UserRecord): string {
    // GoTrue's exact claim set: no role, iat or iss, and aud only when the user has one.
    const claims: AccessTokenClaims = {
      sub: user.id,
      ...(user.aud ? { aud: user.aud } : {}),
      exp: Math.floor(this.clock() / 1000) + this.lifetimeSeconds,
      email: user.email,
      app_metadata: user.appMetadata,
      user_metadata: user.userMetadata,
    };
    const signingInput = `${JWT_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signingInput}.${this.mac(signingInput).toString('base64url')}`;
  }

  /** The claims of a valid token; otherwise the 401 GoTrue sends, worded like Go's jwt library. */
  verify(token: string): AccessTokenClaims {
    const parts = token.split('.');
    if (parts.length !== 3) throw invalidToken('token contains an invalid number of segments');
    const [header, payload, signature] = parts as [string, string, string];
    const alg = (parseSegment(header) as { alg?: unknown } | undefined)?.alg;
    if (alg === undefined) throw invalidToken('token is malformed');
    if (alg !== 'HS256') throw invalidToken('signing method is invalid');
    const expected = this.mac(`${header}.${payload}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw invalidToken('signature is invalid');
    }
    const claims = parseSegment(payload) as Partial<AccessTokenClaims> | undefined;
    if (!claims || typeof claims.sub !== 'string') throw invalidToken('token is malformed');
    // Go's library accepts a token without exp; a token that never expires is refused here.
    if (typeof claims.exp !== 'number') throw invalidToken('token has no expiry (exp)');
    if (claims.exp * 1000 <= this.clock()) throw invalidToken('Token is expired');
    return claims as AccessTokenClaims;
  }

  private mac(input: string): Buffer {
    return createHmac('sha256', this.secret).update(input).digest();
  }
}

function parseSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export interface RefreshTokenRecord {
  token: string;
  userId: string;
  /** Every token of one login shares it: a replayed token ends them all. */
  sessionId: string;
  issuedAt: number;
  /** Set when the token was exchanged; kept until it expires, to recognise a replay. */
  usedAt?: number;
}

/** How long after its rotation a second use of a refresh token counts as a race, not a replay. */
export const REPLAY_GRACE_MS = 30 * 1000;

/**
 * Opaque refresh tokens, rotated on every use with no grace period, like GoTrue's. A token used
 * again past REPLAY_GRACE_MS means it was copied: the whole session it belongs to is revoked
 * (GoTrue only refuses it).
 */
export class RefreshTokens {
  private readonly byToken = new Map<string, RefreshTokenRecord>();

  constructor(
    private readonly clock: () => number,
    private readonly record: (entry: JournalEntry) => void,
  ) {}

  /** A token of a new session, or the next token of `sessionId`. */
  issue(userId: string, sessionId = randomToken()): string {
    const token: RefreshTokenRecord = {
      token: randomToken(),
      userId,
      sessionId,
      issuedAt: this.clock(),
    };
    this.record({ type: 'refresh-token', token });
    this.byToken.set(token.token, token);
    return token.token;
  }

  /** Exchanges `token` for the next one of its session; a token is good for one exchange only. */
  rotate(token: string): { userId: string; next: string } {
    const found = this.byToken.get(token);
    if (!found) throw oauthError('invalid_grant', 'Invalid Refresh Token');
    if (found.usedAt !== undefined) {
      // Soon after its rotation, a second use is two tabs racing for one token: refused, as GoTrue
      // does, and the winner's session lives on. Later it is a copy being replayed.
      if (this.clock() - found.usedAt > REPLAY_GRACE_MS) this.revokeSession(found.sessionId);
      throw oauthError('invalid_grant', 'Invalid Refresh Token');
    }
    const used = { ...found, usedAt: this.clock() };
    this.record({ type: 'refresh-token', token: used });
    this.byToken.set(token, used);
    if (this.clock() - found.issuedAt > TOKEN_LIFETIME_MS.refresh) {
      throw oauthError('invalid_grant', 'Refresh token expired');
    }
    return { userId: found.userId, next: this.issue(found.userId, found.sessionId) };
  }

  revokeAll(userId: string): void {
    this.record({ type: 'refresh-tokens-revoked', userId });
    this.deleteWhere((token) => token.userId === userId);
  }

  revokeSession(sessionId: string): void {
    this.record({ type: 'session-revoked', sessionId });
    this.deleteWhere((token) => token.sessionId === sessionId);
  }

  clear(): void {
    this.byToken.clear();
  }

  apply(entry: JournalEntry): void {
    if (entry.type === 'refresh-token') this.byToken.set(entry.token.token, entry.token);
    else if (entry.type === 'refresh-tokens-revoked')
      this.deleteWhere((token) => token.userId === entry.userId);
    else if (entry.type === 'session-revoked')
      this.deleteWhere((token) => token.sessionId === entry.sessionId);
    else if (entry.type === 'user-deleted') this.deleteWhere((token) => token.userId === entry.id);
    else if (entry.type === 'reset') this.clear();
  }

  /** Unexpired tokens only: expired ones can be neither exchanged nor replayed. */
  *snapshot(): Iterable<JournalEntry> {
    const now = this.clock();
    for (const token of this.byToken.values()) {
      if (now - token.issuedAt <= TOKEN_LIFETIME_MS.refresh) yield { type: 'refresh-token', token };
    }
  }

  private deleteWhere(matches: (token: RefreshTokenRecord) => boolean): void {
    for (const [key, token] of this.byToken) if (matches(token)) this.byToken.delete(key);
  }
}
