import { ensureEmailFree, sendInvite, validateEmail } from '../accounts.js';
import { requireAdmin } from '../auth.js';
import type { Handler, Route } from '../context.js';
import { Params, readJson, json } from '../http.js';
import { checkMetadataSize } from '../limits.js';
import { userJson } from '../users.js';

const invite: Handler = async (ctx, services) => {
  await requireAdmin(ctx, services);
  const params = new Params(await readJson(ctx.req, 'Invite params'), 'Invite params');
  const email = params.string('email');
  const data = params.object('data');

  validateEmail(email);
  checkMetadataSize('data', data ?? null);
  ensureEmailFree(services, email);
  const user = services.users.create({ email, userMetadata: data ?? null });
  sendInvite(services, user, ctx.siteOrigin);
  return json(200, userJson(user));
};

export const inviteRoutes: Route[] = [
  { method: 'POST', path: '/invite', handler: invite, sameOriginOnly: true },
];
