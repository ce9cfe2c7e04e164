import { bearerToken } from '../auth.js';
import type { Handler, Route } from '../context.js';
import { apiError, noContent } from '../http.js';

const logout: Handler = async (ctx, services) => {
  const claims = await services.accessTokens.verify(bearerToken(ctx));
  if (!services.users.get(claims.sub)) throw apiError(401, 'Invalid user');
  services.refreshTokens.revokeAll(claims.sub);
  return noContent();
};

export const logoutRoutes: Route[] = [{ method: 'POST', path: '/logout', handler: logout }];
