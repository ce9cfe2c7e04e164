import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
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

export class AccessTokens {
  lifetimeSeconds = DEFAULT_ACCESS_TOKEN_SECONDS;

  constructor(
    private readonly secret: Uint8Array,
    private readonly clock: () => number,
  ) {}

  sign(user: UserRecord): Promise<string> {
    // GoTrue's exact claim set: no role, iat or iss, and aud only when the user has one.
    const claims: AccessTokenClaims = {
      sub: user.id,
      ...(user.aud ? { aud: user.aud } : {}),
      exp: Math.floor(this.clock() / 1000) + this.lifetimeSeconds,
      email: user.email,
      app_metadata: user.appMetadata,
      user_metadata: user.userMetadata,
    };
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', kid: 'nf-ident', typ: 'JWT' })
      .sign(this.secret);
  }

  /** The claims of a valid token; otherwise the 401 GoTrue sends, worded like Go's jwt library. */
  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        algorithms: ['HS256'],
        currentDate: new Date(this.clock()),
      });
      return payload as unknown as AccessTokenClaims;
    } catch (error) {
      throw apiError(401, `Invalid token: ${describeJwtError(token, error)}`);
    }
  }
}

function describeJwtError(token: string, error: unknown): string {
  if (token.split('.').length !== 3) return 'token contains an invalid number of segments';
  if (error instanceof joseErrors.JWTExpired) return 'Token is expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'signature is invalid';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'signing method is invalid';
  return 'token is malformed';
}

export interface RefreshTokenRecord {
  token: string;
  userId: string;
  issuedAt: number;
}

/** Opaque refresh tokens, rotated on every use with no grace period, like GoTrue's. */
export class RefreshTokens {
  private readonly byToken = new Map<string, RefreshTokenRecord>();

  constructor(
    private readonly clock: () => number,
    private readonly onChange: () => void,
  ) {}

  issue(userId: string): string {
    const record = { token: randomToken(), userId, issuedAt: this.clock() };
    this.byToken.set(record.token, record);
    this.onChange();
    return record.token;
  }

  /** Revokes `token` and returns its user id; a token is good for one exchange only. */
  consume(token: string): string {
    const record = this.byToken.get(token);
    if (!record) throw oauthError('invalid_grant', 'Invalid Refresh Token');
    this.byToken.delete(token);
    this.onChange();
    if (this.clock() - record.issuedAt > TOKEN_LIFETIME_MS.refresh) {
      throw oauthError('invalid_grant', 'Refresh token expired');
    }
    return record.userId;
  }

  revokeAll(userId: string): void {
    for (const record of this.byToken.values()) {
      if (record.userId === userId) this.byToken.delete(record.token);
    }
    this.onChange();
  }

  clear(): void {
    this.byToken.clear();
    this.onChange();
  }

  /** Live tokens only: expired ones could never be exchanged, so they are not kept on disk. */
  snapshot(): RefreshTokenRecord[] {
    const now = this.clock();
    return [...this.byToken.values()].filter((r) => now - r.issuedAt <= TOKEN_LIFETIME_MS.refresh);
  }

  restore(records: RefreshTokenRecord[]): void {
    for (const record of records) this.byToken.set(record.token, record);
  }
}
