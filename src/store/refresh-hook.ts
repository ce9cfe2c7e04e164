import { User as GoTrueUser } from 'gotrue-js';
import type { Token } from 'gotrue-js';

export interface RefreshOutcome {
  /** The gotrue-js user whose tokens were refreshed (or whose refresh failed). */
  user: GoTrueUser;
  /** The refresh token that was sent. */
  refreshToken: string;
  error?: unknown;
}

const listeners = new Set<(outcome: RefreshOutcome) => void>();
const installed = Symbol.for('netlify-identity-elements.refresh-hook');

/** The tokens another tab may have stored since this tab last looked. */
function storedToken(): Token | undefined {
  try {
    return (JSON.parse(localStorage.getItem('gotrue.user') ?? 'null') as { token?: Token } | null)
      ?.token;
  } catch {
    return undefined;
  }
}

/**
 * One refresh at a time across the tabs of this site. Each tab's timer fires at the same moment
 * and GoTrue rotates refresh tokens with no grace period, so without this the slower tab spends a
 * revoked token and gotrue-js logs every tab out. Behind the lock, a tab that finds a newer
 * session stored by another tab takes it instead of refreshing again.
 */
function oneAtATime(refresh: GoTrueUser['_refreshToken']): GoTrueUser['_refreshToken'] {
  return function (this: GoTrueUser, refreshToken: string) {
    const run = (): Promise<string> => {
      const stored = storedToken();
      if (
        stored &&
        stored.refresh_token !== refreshToken &&
        stored.expires_at > Date.now() + 60_000
      ) {
        this._processTokenResponse({ ...stored });
        return Promise.resolve(stored.access_token);
      }
      return refresh.call(this, refreshToken);
    };
    return navigator.locks
      ? (navigator.locks.request('netlify-identity-refresh', run) as unknown as Promise<string>)
      : run();
  };
}

/**
 * Every token refresh in the page (the library's background timer, `jwt()`, gotrue-js's own calls)
 * goes through `User#_refreshToken`. Observing it is the only way to learn that a background refresh
 * failed: @netlify/identity then stops silently, leaving the page showing a user without a session.
 */
export function onTokenRefresh(listener: (outcome: RefreshOutcome) => void): () => void {
  const prototype = GoTrueUser.prototype as GoTrueUser & { [installed]?: true };
  if (!prototype[installed]) {
    prototype[installed] = true;
    const refresh = oneAtATime(prototype._refreshToken);
    prototype._refreshToken = function (this: GoTrueUser, refreshToken: string) {
      const result = refresh.call(this, refreshToken);
      result.then(
        () => listeners.forEach((notify) => notify({ user: this, refreshToken })),
        (error: unknown) =>
          listeners.forEach((notify) => notify({ user: this, refreshToken, error })),
      );
      return result;
    };
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
