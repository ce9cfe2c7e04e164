// The part of the store that talks to the identity server through @netlify/identity and gotrue-js.
// Loaded on demand (idle, intent, or the first action that needs it): the page knows the stored
// session without it.
import * as identity from '@netlify/identity';
import type { User, UserUpdates } from '@netlify/identity';
import GoTrue from 'gotrue-js';
import { parseAuthHash } from './callback-hash.js';
import { readSessionCookies, secondsLeft } from './cookies.js';
import { errorFromHash, toIdentityError } from './error-mapping.js';
import { IdentityError } from './errors.js';
import type { IdentityOperation } from './errors.js';
import { announce } from './events.js';
import { onTokenRefresh } from './refresh-hook.js';
import type { RefreshOutcome } from './refresh-hook.js';
import { installLoopbackCookies } from './loopback-cookies.js';
import { clearSessionCookies, writeSessionCookies } from './session-cookies.js';
import { LOGOUT_SIGNAL_KEY, SESSION_KEY } from './stored-session.js';
import type {
  CallbackState,
  IdentityState,
  OAuthProvider,
  SignupResult,
} from './identity-store.js';

export { toIdentityError };

/** What the client needs from the store that owns it. */
export interface StoreHost {
  state(): IdentityState;
  set(changes: Partial<IdentityState>): void;
  /** Runs an action with the busy state and the error announcement. */
  run<T>(
    operation: IdentityOperation,
    origin: EventTarget | undefined,
    action: () => Promise<T>,
  ): Promise<T>;
}

/** How long a tab whose session vanished waits for another tab's fresh tokens in the cookies. */
const RESCUE_ATTEMPTS = 20;
const RESCUE_INTERVAL_MS = 100;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The `app_metadata` claim of a JWT, unverified; undefined when it cannot be read. */
function appMetadataOf(accessToken: string): Record<string, unknown> | undefined {
  try {
    const payload = accessToken.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      app_metadata?: unknown;
    };
    const meta = claims.app_metadata;
    return meta && typeof meta === 'object' && !Array.isArray(meta)
      ? (meta as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function clearAuthHash(): void {
  history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * gotrue-js warns "DO NOT USE HTTP IN PRODUCTION" whenever its URL is http://, and @netlify/identity
 * gives it the page's origin: on the loopback origins of local development, where plain HTTP is the
 * norm, that warning is noise. There, and only there, it is dropped the one time it comes; every
 * other message passes, and other origins keep it.
 */
let httpWarningQuieted = false;

function quietLoopbackHttpWarning(): void {
  // @netlify/identity makes one gotrue-js client per page, hence one warning: one filter is enough.
  if (httpWarningQuieted) return;
  httpWarningQuieted = true;
  if (
    location.protocol !== 'http:' ||
    !/(^|\.)localhost$|^127(\.\d+){3}$|^\[::1\]$/.test(location.hostname)
  ) {
    return;
  }
  const warn = console.warn;
  console.warn = function (this: Console, ...args: unknown[]) {
    if (typeof args[0] === 'string' && args[0].includes('DO NOT USE HTTP IN PRODUCTION')) {
      if (console.warn === quiet) console.warn = warn;
      return;
    }
    warn.apply(this, args);
  };
  const quiet = console.warn;
}

/**
 * Wraps @netlify/identity, turns its quirks into sessions that are real (stored and in the nf_jwt
 * cookie) and announces each transition once, through the store that owns it.
 */
export class IdentityClient {
  readonly #host: StoreHost;
  /** The gotrue-js client of the very module @netlify/identity runs on: same session, same user. */
  readonly gotrue = new GoTrue({ APIUrl: '/.netlify/identity', setCookie: false });
  #pendingEmailChangeToken?: string;
  #inviteToken?: string;
  #rescue?: Promise<void>;
  /** The refresh token of the last announced refresh: gotrue-js may report one refresh twice. */
  #lastRefreshToken?: string;
  #otherTabLoggedOut = false;
  /** While the server confirms the stored session, a refresh is part of that, not news. */
  #restoring = false;
  readonly #disposeRefresh: () => void;

  constructor(host: StoreHost) {
    this.#host = host;
    // Before @netlify/identity writes its own session cookies.
    installLoopbackCookies();
    quietLoopbackHttpWarning();
    this.#lastRefreshToken = readSessionCookies()?.refreshToken;
    this.#disposeRefresh = onTokenRefresh((outcome) => this.#handleRefresh(outcome));
  }

  dispose(): void {
    this.#disposeRefresh();
  }

  #setUser(user: User | null): void {
    this.#host.set({ user });
  }

  async login(email: string, password: string, origin?: EventTarget): Promise<User> {
    const user = await identity.login(email, password);
    this.#setUser(user);
    announce('netlify-identity-login', { user }, origin);
    if (this.#pendingEmailChangeToken) void this.#finishEmailChangeAfterLogin(origin);
    return user;
  }

  async signup(
    email: string,
    password: string,
    data: Record<string, unknown>,
    origin?: EventTarget,
  ): Promise<SignupResult> {
    const created = await identity.signup(email, password, data);
    announce('netlify-identity-signup', { user: created }, origin);
    if (!created.confirmedAt) return { user: created, loggedIn: false };
    // With autoconfirm the server confirms but returns no tokens: log in with what was typed.
    const user = await identity.login(email, password);
    this.#setUser(user);
    announce('netlify-identity-login', { user }, origin);
    return { user, loggedIn: true };
  }

  async logout(origin?: EventTarget): Promise<void> {
    localStorage.setItem(LOGOUT_SIGNAL_KEY, String(Date.now()));
    // Nobody is logged in from the moment of the call: a page that asks while the server answers
    // (Decap CMS's login screen, rendered as soon as it called logout) must not find the user.
    this.#setUser(null);
    try {
      await identity.logout();
    } finally {
      clearSessionCookies();
    }
    announce('netlify-identity-logout', { user: null }, origin);
  }

  oauthLogin(provider: OAuthProvider): void {
    if (this.#inviteToken) {
      location.href = this.gotrue.acceptInviteExternalUrl(provider, this.#inviteToken);
      return;
    }
    try {
      identity.oauthLogin(provider);
    } catch (error) {
      // The library always throws once it has set location.href: that is the redirect, not a failure.
      if (!(error instanceof Error && /redirecting/i.test(error.message))) throw error;
    }
  }

  requestPasswordRecovery(email: string): Promise<void> {
    return identity.requestPasswordRecovery(email);
  }

  async completeRecovery(password: string, origin?: EventTarget): Promise<User> {
    const user = await identity.updateUser({ password });
    this.#setUser(user);
    this.#host.set({ callback: { type: 'recovery', status: 'done' } });
    announce('netlify-identity-user-updated', { user }, origin);
    return user;
  }

  async acceptInvite(password: string, origin?: EventTarget): Promise<User> {
    const token = this.#inviteToken;
    if (!token) throw new IdentityError('invalid_token', 'No invite to accept on this page');
    await identity.acceptInvite(token, password);
    // acceptInvite() stores the session but writes no cookie; without one getUser() drops it.
    const user = await this.#persistCurrentSession();
    this.#inviteToken = undefined;
    this.#setUser(user);
    this.#host.set({ callback: { type: 'invite', status: 'done' } });
    announce('netlify-identity-login', { user }, origin);
    return user;
  }

  async updateUser(updates: UserUpdates, origin?: EventTarget): Promise<User> {
    const user = await identity.updateUser(updates);
    this.#setUser(user);
    announce('netlify-identity-user-updated', { user }, origin);
    return user;
  }

  async jwt(force: boolean): Promise<string> {
    const current = this.gotrue.currentUser();
    if (!current) throw new IdentityError('session_expired', 'No user is logged in');
    try {
      return await current.jwt(force);
    } catch (error) {
      throw toIdentityError(error, 'refresh');
    }
  }

  /**
   * Confirms the session the page started with (stored, or the nf_jwt cookies of a server-side
   * login). A user deleted on the server, or a revoked session, ends in one visible logout.
   */
  async restoreSession(): Promise<void> {
    this.#restoring = true;
    try {
      await this.#restore();
    } finally {
      this.#restoring = false;
    }
  }

  async #restore(): Promise<void> {
    const shown = this.#host.state().user;
    const restored = await identity.getUser();
    const current = this.gotrue.currentUser();
    if (!restored || !current) {
      if (shown) this.#endSession();
      return;
    }
    try {
      await current.getUserData();
      const token = current.tokenDetails();
      if (token) writeSessionCookies(token.access_token, token.refresh_token);
      this.#lastRefreshToken = readSessionCookies()?.refreshToken;
      const user = (await identity.getUser()) ?? restored;
      // Another action (a logout, another tab) may have moved on while the server answered.
      if (this.#host.state().user?.id === user.id) this.#setUser(user);
    } catch (error) {
      const failure = toIdentityError(error, 'init');
      if (failure.code === 'network' || failure.code === 'server') return;
      this.#endSession();
    }
  }

  /** Handles this page's auth hash (the store makes sure it happens once). */
  async handleHash(origin?: EventTarget): Promise<CallbackState | null> {
    const hash = parseAuthHash(location.hash);
    if (!hash) return null;
    switch (hash.type) {
      case 'error': {
        clearAuthHash();
        const error = errorFromHash(hash.error, hash.description);
        const callback: CallbackState = { type: 'error', status: 'failed', error };
        this.#host.set({ callback, error });
        announce(
          'netlify-identity-error',
          { error: error.toJSON(), user: this.#host.state().user },
          origin,
        );
        return callback;
      }
      case 'invite': {
        clearAuthHash();
        this.#inviteToken = hash.token;
        return this.#setCallback({ type: 'invite', status: 'needs-password' });
      }
      case 'email_change': {
        clearAuthHash();
        this.#pendingEmailChangeToken = hash.token;
        // Without a session, keep the token until the user logs in, then finish the change.
        if (!this.#host.state().user) {
          return this.#setCallback({ type: 'email_change', status: 'needs-login' });
        }
        return this.#callbackStep('email-change', origin, async () => {
          await this.#completePendingEmailChange(origin);
          return { type: 'email_change', status: 'done' };
        });
      }
      case 'oauth':
      case 'confirmation':
      case 'recovery': {
        const operation = hash.type === 'oauth' ? 'oauth' : hash.type;
        return this.#callbackStep(operation, origin, async () => {
          const result = await identity.handleAuthCallback();
          if (!result?.user) throw new IdentityError('invalid_token', 'The link could not be used');
          this.#setUser(result.user);
          if (hash.type === 'recovery') {
            announce('netlify-identity-recovery', { user: result.user }, origin);
            return { type: 'recovery', status: 'needs-password' };
          }
          announce('netlify-identity-login', { user: result.user }, origin);
          return { type: hash.type, status: 'done' };
        });
      }
    }
  }

  handleStorage(event: StorageEvent): void {
    if (event.key === LOGOUT_SIGNAL_KEY) {
      this.#otherTabLoggedOut = true;
      return;
    }
    if (event.key !== SESSION_KEY) return;
    // gotrue-js drops its cached user in its own storage listener; read the session after it has run.
    setTimeout(() => {
      if (event.newValue) void this.#adoptStoredSession();
      else if (this.#otherTabLoggedOut) this.#loggedOutElsewhere();
      else void this.#sessionLost(undefined);
    });
  }

  /** Runs one step of a link's flow; a failure becomes a readable callback error, never a stuck hash. */
  async #callbackStep(
    operation: IdentityOperation,
    origin: EventTarget | undefined,
    step: () => Promise<CallbackState>,
  ): Promise<CallbackState> {
    try {
      return this.#setCallback(await this.#host.run(operation, origin, step));
    } catch (error) {
      // A failed callback leaves the hash (and its token) in the URL: take it out.
      if (parseAuthHash(location.hash)) clearAuthHash();
      return this.#setCallback({
        type: 'error',
        status: 'failed',
        error: toIdentityError(error, operation),
      });
    }
  }

  #setCallback(callback: CallbackState): CallbackState {
    this.#host.set({ callback });
    return callback;
  }

  /** An email-change link opened while logged out: the login it asked for completes it. */
  async #finishEmailChangeAfterLogin(origin?: EventTarget): Promise<void> {
    await this.#callbackStep('email-change', origin, async () => {
      await this.#completePendingEmailChange(origin);
      return { type: 'email_change', status: 'done' };
    });
  }

  async #completePendingEmailChange(origin?: EventTarget): Promise<void> {
    const token = this.#pendingEmailChangeToken;
    if (!token) return;
    this.#pendingEmailChangeToken = undefined;
    try {
      await identity.verifyEmailChange(token);
      // verifyEmailChange() does not update the stored session: reload it so a reload shows the new email.
      await this.gotrue.currentUser()?.getUserData();
      const user = await identity.getUser();
      this.#setUser(user);
      this.#host.set({ callback: { type: 'email_change', status: 'done' } });
      announce('netlify-identity-user-updated', { user }, origin);
    } catch (error) {
      throw toIdentityError(error, 'email-change');
    }
  }

  /** Writes the cookies for the session gotrue-js holds, and returns its user. */
  async #persistCurrentSession(): Promise<User> {
    const current = this.gotrue.currentUser();
    const token = current?.tokenDetails();
    if (!current || !token) throw new IdentityError('session_expired', 'No session was created');
    writeSessionCookies(token.access_token, token.refresh_token);
    const user = await identity.getUser();
    if (!user) throw new IdentityError('session_expired', 'No session was created');
    return user;
  }

  #handleRefresh({ user, refreshToken, error }: RefreshOutcome): void {
    if (this.#restoring) return;
    if (error) {
      void this.#sessionLost(refreshToken);
      return;
    }
    const token = user.tokenDetails();
    if (!token || token.refresh_token === this.#lastRefreshToken) return;
    this.#lastRefreshToken = token.refresh_token;
    writeSessionCookies(token.access_token, token.refresh_token);
    this.#takeRolesFrom(token.access_token);
    announce('netlify-identity-token-refresh', { user: this.#host.state().user });
  }

  /** Roles change on the next refresh, as on Netlify: the new token carries them. */
  #takeRolesFrom(accessToken: string): void {
    const user = this.#host.state().user;
    const appMetadata = appMetadataOf(accessToken);
    if (!user || !appMetadata) return;
    if (JSON.stringify(appMetadata) === JSON.stringify(user.appMetadata ?? {})) return;
    const roles = appMetadata.roles;
    this.#setUser({
      ...user,
      appMetadata,
      roles:
        Array.isArray(roles) && roles.every((role) => typeof role === 'string') ? roles : undefined,
    });
  }

  /** Another tab logged in or refreshed its token: follow it (a refresh is not a login). */
  async #adoptStoredSession(): Promise<void> {
    this.#otherTabLoggedOut = false;
    const user = await identity.hydrateSession();
    if (!user) return;
    const previous = this.#host.state().user;
    this.#setUser(user);
    this.#lastRefreshToken = readSessionCookies()?.refreshToken;
    if (previous?.id !== user.id) announce('netlify-identity-login', { user });
  }

  #loggedOutElsewhere(): void {
    this.#otherTabLoggedOut = false;
    if (!this.#host.state().user) return;
    this.#setUser(null);
    announce('netlify-identity-logout', { user: null });
  }

  /** The session is over: clear it everywhere and say so once (error, then logout). */
  #endSession(): void {
    this.gotrue.currentUser()?.clearSession();
    clearSessionCookies();
    if (!this.#host.state().user) return;
    const error = new IdentityError('session_expired', 'The session has expired');
    this.#host.set({ error });
    announce('netlify-identity-error', { error: error.toJSON(), user: this.#host.state().user });
    this.#setUser(null);
    announce('netlify-identity-logout', { user: null });
  }

  /**
   * The stored session vanished without a logout: a refresh failed here, or another tab's refresh
   * lost the race for the rotating refresh token and cleared the shared storage. When another tab
   * won, its fresh tokens are in the cookies: adopt them. Otherwise the session is over: say so.
   */
  #sessionLost(failedRefreshToken: string | undefined): Promise<void> {
    this.#rescue ??= (async () => {
      for (let attempt = 0; attempt < RESCUE_ATTEMPTS; attempt++) {
        const cookies = readSessionCookies();
        if (!cookies) break;
        const fresh =
          cookies.refreshToken !== failedRefreshToken &&
          (secondsLeft(cookies.accessToken) ?? 0) > 0;
        if (fresh) {
          if (this.gotrue.currentUser() || (await identity.hydrateSession())) {
            this.#lastRefreshToken = cookies.refreshToken;
            return;
          }
          break;
        }
        await delay(RESCUE_INTERVAL_MS);
      }
      this.#endSession();
    })().finally(() => {
      this.#rescue = undefined;
    });
    return this.#rescue;
  }
}
