import { confirm, sendConfirmation, validateEmail } from '../accounts.js';
import type { Handler, Route } from '../context.js';
import { Params, apiError, readJson, json } from '../http.js';
import { checkMetadataSize } from '../limits.js';
import { checkPasswordLength, hashPassword } from '../passwords.js';
import { mergeMetadata, userJson } from '../users.js';

const signup: Handler = async (ctx, services) => {
  const params = new Params(await readJson(ctx.req, 'Signup params'), 'Signup params');
  const email = params.string('email');
  const password = params.string('password');
  const data = params.object('data');

  if (services.settings.disable_signup)
    throw apiError(403, 'Signups not allowed for this instance');
  if (!password) throw apiError(422, 'Signup requires a valid password');
  validateEmail(email);
  checkPasswordLength(password);
  checkMetadataSize('data', data ?? null);

  let user = services.users.findByEmail(email);
  let created = false;
  if (user?.confirmedAt)
    throw apiError(400, 'A user with this email address has already been registered');
  if (user) {
    // GoTrue keeps the first password of an unconfirmed user and only merges the new metadata.
    if (data) {
      const merged = mergeMetadata(user.userMetadata, data);
      checkMetadataSize('data', merged);
      user.userMetadata = merged;
    }
  } else {
    const passwordHash = await hashPassword(password);
    const fields = await services.events.validate(ctx, {
      email,
      passwordHash,
      userMetadata: data ?? null,
    });
    // Another signup for this address may have finished while the hash was computed.
    if (services.users.findByEmail(email)) {
      throw apiError(400, 'A user with this email address has already been registered');
    }
    user = services.users.create(fields);
    created = true;
  }

  if (services.settings.autoconfirm) {
    const signedUp = user;
    // As in GoTrue's transaction, a refusal undoes the signup.
    await services.events.signup(ctx, signedUp, 'email').catch((error: unknown) => {
      if (created) services.users.delete(signedUp.id);
      throw error;
    });
    confirm(services, user);
  } else sendConfirmation(services, user, ctx.siteOrigin);
  return json(200, userJson(services.users.touch(user)));
};

export const signupRoutes: Route[] = [{ method: 'POST', path: '/signup', handler: signup }];
