import { ensureEmailFree, isExpired, sendEmailChange, validateEmail } from '../accounts.js';
import { requireUser } from '../auth.js';
import type { Handler, Route } from '../context.js';
import { Params, apiError, readJson, json } from '../http.js';
import { checkMetadataSize } from '../limits.js';
import { checkPasswordLength, hashPassword } from '../passwords.js';
import { mergeMetadata, userJson } from '../users.js';

const getUser: Handler = async (ctx, services) => {
  const { user } = await requireUser(ctx, services);
  return json(200, userJson(user));
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

  checkPasswordLength(password);
  if (appMetadata && user.role !== 'admin') {
    throw apiError(401, 'Updating app_metadata requires admin privileges');
  }
  const passwordHash = password ? await hashPassword(password) : undefined;
  const previewUserMetadata = data ? mergeMetadata(user.userMetadata, data) : user.userMetadata;
  const previewAppMetadata = appMetadata
    ? mergeMetadata(user.appMetadata, appMetadata)
    : user.appMetadata;
  const preview = { ...user, userMetadata: previewUserMetadata, appMetadata: previewAppMetadata };
  await services.events.modified(ctx, preview);

  // Nothing below awaits, so what is checked is what gets changed.
  // The metadata merges into the record as it is now, unless a userModified function rewrote it.
  const nextUserMetadata =
    preview.userMetadata !== previewUserMetadata
      ? preview.userMetadata
      : data && mergeMetadata(user.userMetadata, data);
  const nextAppMetadata =
    preview.appMetadata !== previewAppMetadata
      ? preview.appMetadata
      : appMetadata && mergeMetadata(user.appMetadata, appMetadata);
  checkMetadataSize('data', nextUserMetadata ?? null);
  checkMetadataSize('app_metadata', nextAppMetadata ?? null);
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
  if (nextUserMetadata) user.userMetadata = nextUserMetadata;
  if (nextAppMetadata) user.appMetadata = nextAppMetadata;
  if (emailChangeToken) {
    user.email = user.newEmail!;
    user.newEmail = undefined;
    user.emailChangeToken = undefined;
    user.emailChangeExpiresAt = undefined;
  } else if (changesEmail) {
    sendEmailChange(services, user, email, ctx.siteOrigin);
  }
  return json(200, userJson(services.users.touch(user)));
};

export const userRoutes: Route[] = [
  { method: 'GET', path: '/user', handler: getUser },
  { method: 'PUT', path: '/user', handler: updateUser },
];
