import { ensureEmailFree, isExpired, sendEmailChange, validateEmail } from '../accounts.js';
import { requireUser } from '../auth.js';
import type { Handler, Route } from '../context.js';
import { Params, apiError, readJson, sendJson } from '../http.js';
import { hashPassword, isPasswordTooLong } from '../passwords.js';
import { mergeMetadata, userJson } from '../users.js';

const getUser: Handler = async (ctx, services) => {
  const { user } = await requireUser(ctx, services);
  sendJson(ctx.res, 200, userJson(user));
};

/** Checks everything before changing anything: like GoTrue's transaction, a refusal leaves the user as it was. */
const updateUser: Handler = async (ctx, services) => {
  const { user } = await requireUser(ctx, services);
  const params = new Params(await readJson(ctx.req, 'User Update params'), 'User Update params');
  const email = params.string('email');
  const password = params.string('password');
  const emailChangeToken = params.string('email_change_token');
  const data = params.object('data');
  const appMetadata = params.object('app_metadata');

  if (password && isPasswordTooLong(password)) throw apiError(500, 'Error during password storage');
  if (appMetadata && user.role !== 'admin') {
    throw apiError(401, 'Updating app_metadata requires admin privileges');
  }
  const passwordHash = password ? await hashPassword(password) : undefined;
  const preview = {
    ...user,
    userMetadata: data ? mergeMetadata(user.userMetadata, data) : user.userMetadata,
    appMetadata: appMetadata ? mergeMetadata(user.appMetadata, appMetadata) : user.appMetadata,
  };
  await services.events.modified(ctx, preview);

  // Nothing below awaits, so what is checked is what gets changed.
  const changesEmail =
    !emailChangeToken && email !== '' && email.toLowerCase() !== user.email.toLowerCase();
  if (emailChangeToken) {
    if (emailChangeToken !== user.emailChangeToken) {
      throw apiError(401, "Email Change Token didn't match token on file");
    }
    if (isExpired(services, user.emailChangeExpiresAt))
      throw apiError(422, 'Email change token expired');
    ensureEmailFree(services, user.newEmail!, user);
  } else if (changesEmail) {
    validateEmail(email);
    ensureEmailFree(services, email, user);
  }

  if (passwordHash) user.passwordHash = passwordHash;
  user.userMetadata = preview.userMetadata;
  user.appMetadata = preview.appMetadata;
  if (emailChangeToken) {
    user.email = user.newEmail!;
    user.newEmail = undefined;
    user.emailChangeToken = undefined;
    user.emailChangeExpiresAt = undefined;
  } else if (changesEmail) {
    sendEmailChange(services, user, email, ctx.siteOrigin);
  }
  sendJson(ctx.res, 200, userJson(services.users.touch(user)));
};

export const userRoutes: Route[] = [
  { method: 'GET', path: '/user', handler: getUser },
  { method: 'PUT', path: '/user', handler: updateUser },
];
