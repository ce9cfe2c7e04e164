import { sendRecovery, validateEmail } from '../accounts.js';
import type { Handler, Route } from '../context.js';
import { Params, apiError, json, readJson } from '../http.js';

const recover: Handler = async (ctx, services) => {
  const params = new Params(await readJson(ctx.req, 'recovery params'), 'recovery params');
  const email = params.string('email');
  if (!email) throw apiError(422, 'Password recovery requires an email');
  validateEmail(email);

  // Known or not, an address is held back the same way and written the same way: the answer
  // and its timing do not reveal who has an account.
  services.recoveries.take(email);
  const user = services.users.findByEmail(email);
  if (user) sendRecovery(services, user, ctx.siteOrigin);
  return json(200, {});
};

export const recoverRoutes: Route[] = [{ method: 'POST', path: '/recover', handler: recover }];
