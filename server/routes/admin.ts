import { confirm, ensureEmailFree, validateEmail } from '../accounts.js';
import { requireAdmin } from '../auth.js';
import type { Handler, RequestContext, Route, Services } from '../context.js';
import { Params, apiError, readJson, json } from '../http.js';
import { checkMetadataSize } from '../limits.js';
import { checkPasswordLength, hashPassword } from '../passwords.js';
import { type UserRecord, mergeMetadata, userJson } from '../users.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_PER_PAGE = 50;

function pageParam(ctx: RequestContext, name: string, fallback: number): number {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw apiError(400, `Bad Pagination Parameters: ${name} must be a positive integer`);
  }
  return value;
}

/** GoTrue's pagination headers: a "next" link while there is one, and always a "last" link. */
function paginationHeaders(ctx: RequestContext, page: number, perPage: number, total: number) {
  const lastPage = Math.ceil(total / perPage);
  const link = (target: number) => {
    const query = new URLSearchParams(ctx.url.searchParams);
    query.set('page', String(target));
    return `<${ctx.url.pathname}?${query}>`;
  };
  const links = page < lastPage ? [`${link(page + 1)}; rel="next"`] : [];
  links.push(`${link(lastPage)}; rel="last"`);
  return { 'X-Total-Count': String(total), Link: links.join(', ') };
}

const listUsers: Handler = async (ctx, services) => {
  await requireAdmin(ctx, services);
  const page = pageParam(ctx, 'page', 1);
  const perPage = pageParam(ctx, 'per_page', DEFAULT_PER_PAGE);
  const users = services.users.list();
  const slice = users.slice((page - 1) * perPage, page * perPage);
  return json(
    200,
    { users: slice.map(userJson), aud: '' },
    paginationHeaders(ctx, page, perPage, users.length),
  );
};

async function adminParams(ctx: RequestContext): Promise<Params> {
  return new Params(await readJson(ctx.req, 'admin user params'), 'admin user params');
}

const createUser: Handler = async (ctx, services) => {
  await requireAdmin(ctx, services);
  const params = await adminParams(ctx);
  const email = params.string('email');
  const password = params.string('password');
  const appMetadata = params.object('app_metadata');

  const userMetadata = params.object('user_metadata') ?? null;
  validateEmail(email);
  checkPasswordLength(password);
  checkMetadataSize('user_metadata', userMetadata);
  checkMetadataSize('app_metadata', appMetadata ?? null);
  const passwordHash = password ? await hashPassword(password) : undefined;
  // After the hash, so no other request can take the address between this check and the create.
  ensureEmailFree(services, email);

  const user = services.users.create({
    email,
    passwordHash,
    role: params.string('role'),
    userMetadata,
    // GoTrue marks every admin-created user as an email user, whatever the body says.
    appMetadata: { ...appMetadata, provider: 'email' },
  });
  if (params.boolean('confirm')) confirm(services, user);
  return json(200, userJson(user));
};

async function targetUser(ctx: RequestContext, services: Services): Promise<UserRecord> {
  await requireAdmin(ctx, services);
  const id = ctx.params.id!;
  if (!UUID.test(id)) throw apiError(400, 'user_id must be an UUID');
  const user = services.users.get(id.toLowerCase());
  if (!user) throw apiError(404, 'User not found');
  return user;
}

const getUser: Handler = async (ctx, services) => {
  return json(200, userJson(await targetUser(ctx, services)));
};

const updateUser: Handler = async (ctx, services) => {
  const user = await targetUser(ctx, services);
  const params = await adminParams(ctx);
  const email = params.string('email');
  const password = params.string('password');
  const role = params.string('role');
  const appMetadata = params.object('app_metadata');
  const userMetadata = params.object('user_metadata');

  checkPasswordLength(password);
  const passwordHash = password ? await hashPassword(password) : undefined;
  const previewAppMetadata = appMetadata
    ? mergeMetadata(user.appMetadata, appMetadata)
    : user.appMetadata;
  const previewUserMetadata = userMetadata
    ? mergeMetadata(user.userMetadata, userMetadata)
    : user.userMetadata;
  const preview = { ...user, appMetadata: previewAppMetadata, userMetadata: previewUserMetadata };
  await services.events.modified(ctx, preview);
  // Nothing below awaits, so what is checked is what gets changed.
  // The metadata merges into the record as it is now, unless a userModified function rewrote it.
  const nextAppMetadata =
    preview.appMetadata !== previewAppMetadata
      ? preview.appMetadata
      : appMetadata && mergeMetadata(user.appMetadata, appMetadata);
  const nextUserMetadata =
    preview.userMetadata !== previewUserMetadata
      ? preview.userMetadata
      : userMetadata && mergeMetadata(user.userMetadata, userMetadata);
  checkMetadataSize('app_metadata', nextAppMetadata ?? null);
  checkMetadataSize('user_metadata', nextUserMetadata ?? null);
  if (email && email.toLowerCase() !== user.email.toLowerCase()) {
    validateEmail(email);
    ensureEmailFree(services, email, user);
  }

  if (role) user.role = role;
  if (email) user.email = email;
  if (passwordHash) user.passwordHash = passwordHash;
  if (nextAppMetadata) user.appMetadata = nextAppMetadata;
  if (nextUserMetadata) user.userMetadata = nextUserMetadata;
  if (params.boolean('confirm')) confirm(services, user);
  return json(200, userJson(services.users.touch(user)));
};

const deleteUser: Handler = async (ctx, services) => {
  const user = await targetUser(ctx, services);
  services.users.delete(user.id);
  services.refreshTokens.revokeAll(user.id);
  services.events.deleted(ctx, user);
  return json(200, {});
};

export const adminRoutes: Route[] = [
  { method: 'GET', path: '/admin/users', handler: listUsers },
  { method: 'POST', path: '/admin/users', handler: createUser },
  { method: 'GET', path: '/admin/users/:id', handler: getUser },
  { method: 'PUT', path: '/admin/users/:id', handler: updateUser },
  { method: 'DELETE', path: '/admin/users/:id', handler: deleteUser },
].map((route) => ({ ...route, sameOriginOnly: true }));
