import { User as GoTrueUser } from 'gotrue-js';

export interface RefreshOutcome {
  /** The gotrue-js user whose tokens were refreshed (or whose refresh failed). */
  user: GoTrueUser;
  /** The refresh token that was sent. */
  refreshToken: string;
  error?: unknown;
}

const listeners = new Set<(outcome: RefreshOutcome) => void>();
const installed = Symbol.for('netlify-identity-elements.refresh-hook');

/**
 * Every token refresh in the page (the library's background timer, `jwt()`, gotrue-js's own calls)
 * goes through `User#_refreshToken`. Observing it is the only way to learn that a background refresh
 * failed: @netlify/identity then stops silently, leaving the page showing a user without a session.
 */
export function onTokenRefresh(listener: (outcome: RefreshOutcome) => void): () => void {
  const prototype = GoTrueUser.prototype as GoTrueUser & { [installed]?: true };
  if (!prototype[installed]) {
    prototype[installed] = true;
    const refresh = prototype._refreshToken;
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
