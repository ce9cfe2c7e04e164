import { timingSafeEqual } from 'node:crypto';
import type { RequestContext, Services } from './context.js';
import { apiError } from './http.js';
import type { AccessTokenClaims } from './tokens.js';
import type { UserRecord } from './users.js';

// GoTrue's own pattern: one space, then a token without whitespace.
const BEARER = /^[Bb]earer (\S+)$/;

export function bearerToken(ctx: RequestContext): string {
  const match = BEARER.exec(ctx.req.headers.authorization ?? '');
  if (!match) throw apiError(401, 'This endpoint requires a Bearer token');
  return match[1]!;
}

export async function requireUser(
  ctx: RequestContext,
  services: Services,
): Promise<{ user: UserRecord; claims: AccessTokenClaims }> {
  const claims = await services.accessTokens.verify(bearerToken(ctx));
  const user = services.users.get(claims.sub);
  if (!user) throw apiError(404, 'User not found');
  return { user, claims };
}

function isOperatorToken(token: string, operatorToken: string): boolean {
  const given = Buffer.from(token);
  const expected = Buffer.from(operatorToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The operator token, or the JWT of a user whose top-level role is "admin" (GoTrue's rule). */
export async function requireAdmin(ctx: RequestContext, services: Services): Promise<void> {
  const token = bearerToken(ctx);
  if (isOperatorToken(token, services.operatorToken)) return;
  const claims = await services.accessTokens.verify(token);
  if (services.users.get(claims.sub)?.role !== 'admin') throw apiError(401, 'User not allowed');
}

export function refuseCrossOrigin(ctx: RequestContext): void {
  const origin = ctx.req.headers.origin;
  if (origin !== undefined && origin !== ctx.requestOrigin && origin !== ctx.siteOrigin) {
    throw apiError(403, `Cross-origin requests to ${ctx.path} are not allowed`);
  }
}
