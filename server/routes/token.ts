import type { Handler, Route } from '../context.js';
import { json, oauthError, readForm } from '../http.js';
import { verifyPassword } from '../passwords.js';
import { continueSession, startSession } from '../sessions.js';

const INVALID_LOGIN = 'No user found with that email, or password invalid.';

const token: Handler = async (ctx, services) => {
  const form = await readForm(ctx.req);
  const grantType = form.get('grant_type') ?? '';

  if (grantType === 'password') {
    const email = form.get('username') ?? '';
    services.loginThrottle.check(email, ctx.clientAddress);
    const user = services.users.findByEmail(email);
    // One hash whether or not the account exists: the answer and its timing say nothing about it.
    const valid = await verifyPassword(form.get('password') ?? '', user?.passwordHash);
    if (!user || !valid) {
      services.loginThrottle.failed(email, ctx.clientAddress);
      throw oauthError('invalid_grant', INVALID_LOGIN);
    }
    // GoTrue says so before checking the password; here only to whoever knows the password.
    if (!user.confirmedAt) throw oauthError('invalid_grant', 'Email not confirmed');
    await services.events.login(ctx, user);
    return json(200, startSession(services, user));
  }

  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token') ?? '';
    if (!refreshToken) throw oauthError('invalid_request', 'refresh_token required');
    const { userId, next } = services.refreshTokens.rotate(refreshToken);
    const user = services.users.get(userId);
    if (!user) throw oauthError('invalid_grant', 'Invalid Refresh Token');
    return json(200, continueSession(services, user, next));
  }

  throw oauthError('unsupported_grant_type', '');
};

export const tokenRoutes: Route[] = [{ method: 'POST', path: '/token', handler: token }];
