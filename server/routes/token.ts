import type { Handler, Route } from '../context.js';
import { oauthError, readForm, sendJson } from '../http.js';
import { verifyPassword } from '../passwords.js';
import { continueSession, startSession } from '../sessions.js';

const INVALID_LOGIN = 'No user found with that email, or password invalid.';

const token: Handler = async (ctx, services) => {
  const form = await readForm(ctx.req);
  const grantType = form.get('grant_type') ?? '';

  if (grantType === 'password') {
    const user = services.users.findByEmail(form.get('username') ?? '');
    if (!user) throw oauthError('invalid_grant', INVALID_LOGIN);
    // GoTrue says so before checking the password.
    if (!user.confirmedAt) throw oauthError('invalid_grant', 'Email not confirmed');
    if (!(await verifyPassword(form.get('password') ?? '', user.passwordHash))) {
      throw oauthError('invalid_grant', INVALID_LOGIN);
    }
    await services.events.login(ctx, user);
    return sendJson(ctx.res, 200, await startSession(services, user));
  }

  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token') ?? '';
    if (!refreshToken) throw oauthError('invalid_request', 'refresh_token required');
    const user = services.users.get(services.refreshTokens.consume(refreshToken));
    if (!user) throw oauthError('invalid_grant', 'Invalid Refresh Token');
    const next = services.refreshTokens.issue(user.id);
    return sendJson(ctx.res, 200, await continueSession(services, user, next));
  }

  throw oauthError('unsupported_grant_type', '');
};

export const tokenRoutes: Route[] = [{ method: 'POST', path: '/token', handler: token }];
