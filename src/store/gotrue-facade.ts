import type GoTrue from 'gotrue-js';
import type { User as GoTrueUser } from 'gotrue-js';
import type { StoredSession, UserRecord } from './stored-session.js';

type UserMethod = 'jwt' | 'logout' | 'update' | 'getUserData' | 'clearSession';

/**
 * The gotrue-js user of a stored session before gotrue-js has loaded: the stored fields at once
 * (`id`, `email`, `user_metadata`, `token`, ...), and methods that load the client and call the
 * real user, so `currentUser().jwt()` works from the first moment.
 */
function storedUser(session: StoredSession, load: () => Promise<GoTrue>): GoTrueUser {
  const { user } = session;
  const record: UserRecord = session.record ?? {
    id: user.id,
    email: user.email ?? '',
    user_metadata: user.userMetadata,
    app_metadata: user.appMetadata,
  };
  const later =
    (method: UserMethod) =>
    async (...args: unknown[]): Promise<unknown> => {
      const current = (await load()).currentUser();
      if (!current) throw new Error('No user is logged in');
      return (current[method] as (...args: unknown[]) => unknown)(...args);
    };
  return {
    ...record,
    jwt: later('jwt'),
    logout: later('logout'),
    update: later('update'),
    getUserData: later('getUserData'),
    clearSession: () => void later('clearSession')(),
    tokenDetails: () => record.token ?? null,
  } as unknown as GoTrueUser;
}

export interface GoTrueSource {
  /** The real client, once loaded. */
  loaded(): GoTrue | undefined;
  load(): Promise<GoTrue>;
  /** The session the page shows while the client is not loaded. */
  storedSession(): StoredSession | null;
}

/**
 * A gotrue-js client that exists synchronously (legacy `netlifyIdentity.gotrue`): `currentUser()`
 * answers from the stored session until the real client has loaded, every other method loads it
 * and calls it. Once loaded, it is the real client, sharing the page's one session.
 */
export function gotrueFacade(source: GoTrueSource): GoTrue {
  let cached: { key: string; user: GoTrueUser } | undefined;
  const currentUser = (): GoTrueUser | null => {
    const session = source.storedSession();
    if (!session) return null;
    const key = JSON.stringify(session.record ?? session.user);
    if (cached?.key !== key) cached = { key, user: storedUser(session, () => source.load()) };
    return cached.user;
  };
  return new Proxy({} as GoTrue, {
    get(_target, name) {
      const real = source.loaded();
      if (real) {
        const value: unknown = Reflect.get(real, name);
        return typeof value === 'function' ? (value as () => unknown).bind(real) : value;
      }
      if (name === 'currentUser') return currentUser;
      // Not a promise: `await gotrue` must not try to call a `then`.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (...args: unknown[]) => {
        const client = await source.load();
        return (Reflect.get(client, name) as (...args: unknown[]) => unknown).apply(client, args);
      };
    },
  });
}
