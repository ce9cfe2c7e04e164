import { sendRecovery } from '../accounts.js';
import type { Handler, Route } from '../context.js';
import { Params, apiError, readJson, sendJson } from '../http.js';

const RECOVERY_INTERVAL_MS = 15 * 60 * 1000;

const recover: Handler = async (ctx, services) => {
  const params = new Params(await readJson(ctx.req, 'recovery params'), 'recovery params');
  const email = params.string('email');
  if (!email) throw apiError(422, 'Password recovery requires an email');

  const user = services.users.findByEmail(email);
  // Unknown addresses get the same answer, so the form does not reveal who has an account.
  if (!user) return sendJson(ctx.res, 200, {});
  const lastSent = user.recoverySentAt ? Date.parse(user.recoverySentAt) : -Infinity;
  if (services.clock() - lastSent < RECOVERY_INTERVAL_MS) {
    throw apiError(429, 'Rate limit exceeded, try again later');
  }
  sendRecovery(services, user, ctx.siteOrigin);
  sendJson(ctx.res, 200, {});
};

export const recoverRoutes: Route[] = [{ method: 'POST', path: '/recover', handler: recover }];
