import { confirm, isExpired } from '../accounts.js';
import type { Handler, Route } from '../context.js';
import { Params, apiError, readJson, json } from '../http.js';
import { checkPasswordLength, hashPassword } from '../passwords.js';
import { startSession } from '../sessions.js';
import type { UserRecord } from '../users.js';

const verify: Handler = async (ctx, services) => {
  const params = new Params(await readJson(ctx.req, 'verification params'), 'verification params');
  const type = params.string('type');
  const token = params.string('token');
  const password = params.string('password');

  if (!token) throw apiError(422, 'Verify requires a token');
  let user: UserRecord | undefined;

  if (type === 'signup') {
    user = services.users.findByToken('confirmationToken', token);
    if (!user) throw apiError(404, 'User not found');
    if (isExpired(services, user.confirmationExpiresAt))
      throw apiError(422, 'Confirmation token expired');
    let passwordHash: string | undefined;
    if (user.invitedAt && !user.passwordHash) {
      // Invites are accepted through this same call, with the new password.
      if (!password) throw apiError(422, 'Invited users must specify a password');
      checkPasswordLength(password);
      passwordHash = await hashPassword(password);
    }
    // A refusal leaves the link usable and the account unconfirmed, as GoTrue's rollback does.
    await services.events.signup(ctx, user, 'email');
    if (user.confirmationToken !== token) throw apiError(404, 'User not found');
    if (passwordHash) user.passwordHash = passwordHash;
    confirm(services, user);
  } else if (type === 'recovery') {
    user = services.users.findByToken('recoveryToken', token);
    if (!user) throw apiError(404, 'User not found');
    if (isExpired(services, user.recoveryExpiresAt)) throw apiError(422, 'Recovery token expired');
    user.recoveryToken = undefined;
    user.recoveryExpiresAt = undefined;
    // Following the link proves the address, so a recovery also confirms.
    confirm(services, user);
  } else {
    throw apiError(422, 'Verify requires a verification type');
  }

  return json(200, startSession(services, user));
};

export const verifyRoutes: Route[] = [{ method: 'POST', path: '/verify', handler: verify }];
