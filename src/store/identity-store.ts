import * as identity from '@netlify/identity';
import type { User } from '@netlify/identity';
import GoTrue from 'gotrue-js';
import { parseAuthHash } from './callback-hash.js';
import {
  appMetadataOf,
  clearSessionCookies,
  readSessionCookies,
  secondsLeft,
  writeSessionCookies,
} from './cookies.js';
import { IdentityError, errorFromHash, toIdentityError } from './errors.js';
import type { IdentityOperation } from './errors.js';
import { announce } from './events.js';
import { onTokenRefresh } from './refresh-hook.js';
import type { RefreshOutcome } from './refresh-hook.js';

export type OAuthProvider = 'google' | 'github' | 'gitlab' | 'bitbucket' | 'facebook';
const OAUTH_PROVIDERS: readonly OAuthProvider[] = [
  'google',
  'github',
  'gitlab',
  'bitbucket',
  'facebook',
];

export interface IdentitySettings {
  readonly autoconfirm: boolean;
  readonly disableSignup: boolean;
  /** The OAuth providers enabled for the site, in a stable order. */
  readonly providers: readonly OAuthProvider[];
}

/** What the URL hash of this page load turned into, for the views that continue the flow. */
export type CallbackState =
  | { readonly type: 'confirmation' | 'oauth'; readonly status: 'done' }
  | { readonly type: 'recovery'; readonly status: 'needs-password' | 'done' }
  | { readonly type: 'invite'; readonly status: 'needs-password' | 'done' }
  | { readonly type: 'email_change'; readonly status: 'needs-login' | 'done' }
  | { readonly type: 'error'; readonly status: 'failed'; readonly error: IdentityError };

export interface IdentityState {
  readonly status: 'initializing' | 'ready';
  readonly user: User | null;
  readonly settings: IdentitySettings | null;
  /** The operation in progress, if any. */
  readonly busy: IdentityOperation | null;
  /** The last failure; cleared when the next operation starts. */
  readonly error: IdentityError | null;
  readonly callback: CallbackState | null;
}

export interface SignupResult {
  user: User;
  /** True when the site autoconfirms and the new user now has a session. */
  loggedIn: boolean;
}

const INITIAL_STATE: IdentityState = {
  status: 'initializing',
  user: null,
  settings: null,
  busy: null,
  error: null,
  callback: null,
};

/** Written by a tab that logs out on purpose, so other tabs don't try to rescue the session. */
const LOGOUT_SIGNAL_KEY = 'netlify-identity-elements:logout';
const SESSION_KEY = 'gotrue.user';
/** How long a tab whose session vanished waits for another tab's fresh tokens in the cookies. */
const RESCUE_ATTEMPTS = 20;
const RESCUE_INTERVAL_MS = 100;

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Listeners added by scripts later in the page must still hear `init`: wait for the parser. */
function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

function clearAuthHash(): void {
  history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * The one source of truth for the elements on a page: wraps @netlify/identity, turns its quirks
 * into sessions that are real (stored and in the nf_jwt cookie) and announces each transition once.
 */
export class IdentityStore {
  #state: IdentityState = INITIAL_STATE;
  readonly #listeners = new Set<(state: IdentityState) => void>();
  #started?: Promise<void>;
  #callback?: Promise<CallbackState | null>;
  #client?: GoTrue;
  #pendingEmailChangeToken?: string;
  #inviteToken?: string;
  #rescue?: Promise<void>;
  /** The refresh token of the last announced refresh: gotrue-js may report one refresh twice. */
  #lastRefreshToken?: string;
  #otherTabLoggedOut = false;
  #disposers: (() => void)[] = [];

  get state(): IdentityState {
    return this.#state;
  }

  /** The gotrue-js client of the very module @netlify/identity runs on: same session, same user. */
  get gotrue(): GoTrue {
    this.#client ??= new GoTrue({ APIUrl: '/.netlify/identity', setCookie: false });
    return this.#client;
  }

  /**
   * Whether this page may have a session to restore (a stored session or the nf_jwt cookie), known
   * at once, before `init`: without one, a "Log in" button can be shown without waiting.
   */
  get mayHaveSession(): boolean {
    if (this.#state.status === 'ready') return this.#state.user !== null;
    try {
      return localStorage.getItem(SESSION_KEY) !== null || readSessionCookies() !== undefined;
    } catch {
      return true;
    }
  }

  /** Calls `listener` with every new state; returns the unsubscribe function. */
  subscribe(listener: (state: IdentityState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Restores the session and loads the settings, once; later calls return the same promise. */
  start(): Promise<void> {
    this.#started ??= this.#initialize();
    return this.#started;
  }

  async login(email: string, password: string, origin?: EventTarget): Promise<User> {
    return this.#run('login', origin, async () => {
      const user = await identity.login(email, password);
      this.#setUser(user);
      announce('netlify-identity-login', { user }, origin);
      if (this.#pendingEmailChangeToken) void this.#finishEmailChangeAfterLogin(origin);
      return user;
    });
  }

  async signup(
    email: string,
    password: string,
    data: Record<string, unknown> = {},
    origin?: EventTarget,
  ): Promise<SignupResult> {
    return this.#run('signup', origin, async () => {
      const created = await identity.signup(email, password, data);
      announce('netlify-identity-signup', { user: created }, origin);
      if (!created.confirmedAt) return { user: created, loggedIn: false };
      // With autoconfirm the server confirms but returns no tokens: log in with what was typed.
      const user = await identity.login(email, password);
      this.#setUser(user);
      announce('netlify-identity-login', { user }, origin);
      return { user, loggedIn: true };
    });
  }

  async logout(origin?: EventTarget): Promise<void> {
    return this.#run('logout', origin, async () => {
      localStorage.setItem(LOGOUT_SIGNAL_KEY, String(Date.now()));
      try {
        await identity.logout();
      } finally {
        clearSessionCookies();
        this.#setUser(null);
      }
      announce('netlify-identity-logout', { user: null }, origin);
    });
  }

  /** Leaves the page for the provider; the return is handled by `handleCallback()`. */
  async oauthLogin(provider: OAuthProvider, origin?: EventTarget): Promise<void> {
    return this.#run('oauth', origin, async () => {
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
    });
  }

  async requestPasswordRecovery(email: string, origin?: EventTarget): Promise<void> {
    return this.#run('recovery-request', origin, () => identity.requestPasswordRecovery(email));
  }

  /** Saves the new password of a user who arrived through a recovery link. */
  async completeRecovery(password: string, origin?: EventTarget): Promise<User> {
    return this.#run('recovery', origin, async () => {
      const user = await identity.updateUser({ password });
      this.#setUser(user);
      this.#set({ callback: { type: 'recovery', status: 'done' } });
      announce('netlify-identity-user-updated', { user }, origin);
      return user;
    });
  }

  /** Accepts the invite of this page's `#invite_token` link by choosing a password. */
  async acceptInvite(password: string, origin?: EventTarget): Promise<User> {
    return this.#run('invite', origin, async () => {
      const token = this.#inviteToken;
      if (!token) throw new IdentityError('invalid_token', 'No invite to accept on this page');
      await identity.acceptInvite(token, password);
      // acceptInvite() stores the session but writes no cookie; without one getUser() drops it.
      const user = await this.#persistCurrentSession();
      this.#inviteToken = undefined;
      this.#setUser(user);
      this.#set({ callback: { type: 'invite', status: 'done' } });
      announce('netlify-identity-login', { user }, origin);
      return user;
    });
  }

  async updateUser(updates: identity.UserUpdates, origin?: EventTarget): Promise<User> {
    return this.#run('update', origin, async () => {
      const user = await identity.updateUser(updates);
      this.#setUser(user);
      announce('netlify-identity-user-updated', { user }, origin);
      return user;
    });
  }

  /** A valid access token for the current user, refreshed when it is near expiry (or `force`). */
  async jwt(force = false): Promise<string> {
    await this.start();
    const current = this.gotrue.currentUser();
    if (!current) throw new IdentityError('session_expired', 'No user is logged in');
    try {
      const token = await current.jwt(force);
      return token;
    } catch (error) {
      throw toIdentityError(error, 'refresh');
    }
  }

  /** Handles this page's auth hash, once per page load; every caller gets the same outcome. */
  handleCallback(origin?: EventTarget): Promise<CallbackState | null> {
    this.#callback ??= this.start().then(() => this.#handleHash(origin));
    return this.#callback;
  }

  /** Stops listening to refreshes and other tabs (for a store that is replaced). */
  dispose(): void {
    for (const dispose of this.#disposers.splice(0)) dispose();
  }

  async #initialize(): Promise<void> {
    const handleStorage = (event: StorageEvent) => this.#handleStorage(event);
    window.addEventListener('storage', handleStorage);
    this.#disposers.push(
      onTokenRefresh((outcome) => this.#handleRefresh(outcome)),
      () => window.removeEventListener('storage', handleStorage),
    );
    const [settings, user] = await Promise.all([
      this.#loadSettings(),
      this.#restoreSession(),
      documentParsed(),
    ]);
    this.#lastRefreshToken = readSessionCookies()?.refreshToken;
    this.#set({ status: 'ready', settings, user });
    announce('netlify-identity-init', { user });
  }

  async #loadSettings(): Promise<IdentitySettings | null> {
    try {
      const settings = await identity.getSettings();
      return {
        autoconfirm: settings.autoconfirm,
        disableSignup: settings.disableSignup,
        providers: OAUTH_PROVIDERS.filter((provider) => settings.providers[provider]),
      };
    } catch (error) {
      this.#set({ error: toIdentityError(error, 'settings') });
      return null;
    }
  }

  /** The stored session (or the nf_jwt cookies of a server-side login), confirmed by the server. */
  async #restoreSession(): Promise<User | null> {
    const restored = await identity.getUser();
    const current = this.gotrue.currentUser();
    if (!restored || !current) return null;
    try {
      // A user deleted on the server, or a revoked session, must not be shown as logged in.
      await current.getUserData();
      const token = current.tokenDetails();
      if (token) writeSessionCookies(token.access_token, token.refresh_token);
      return (await identity.getUser()) ?? restored;
    } catch (error) {
      const failure = toIdentityError(error, 'init');
      if (failure.code === 'network' || failure.code === 'server') return restored;
      this.gotrue.currentUser()?.clearSession();
      clearSessionCookies();
      return null;
    }
  }

  async #handleHash(origin?: EventTarget): Promise<CallbackState | null> {
    const hash = parseAuthHash(location.hash);
    if (!hash) return null;
    switch (hash.type) {
      case 'error': {
        clearAuthHash();
        const error = errorFromHash(hash.error, hash.description);
        const callback: CallbackState = { type: 'error', status: 'failed', error };
        this.#set({ callback, error });
        announce(
          'netlify-identity-error',
          { error: error.toJSON(), user: this.#state.user },
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
        if (!this.#state.user) {
          // Keep the token until the user logs in, then finish the change.
          this.#pendingEmailChangeToken = hash.token;
          return this.#setCallback({ type: 'email_change', status: 'needs-login' });
        }
        this.#pendingEmailChangeToken = hash.token;
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

  /** Runs one step of a link's flow; a failure becomes a readable callback error, never a stuck hash. */
  async #callbackStep(
    operation: IdentityOperation,
    origin: EventTarget | undefined,
    step: () => Promise<CallbackState>,
  ): Promise<CallbackState> {
    try {
      return this.#setCallback(await this.#run(operation, origin, step));
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
      this.#set({ callback: { type: 'email_change', status: 'done' } });
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
    if (this.#state.status !== 'ready') return;
    if (error) {
      void this.#sessionLost(refreshToken);
      return;
    }
    const token = user.tokenDetails();
    if (!token || token.refresh_token === this.#lastRefreshToken) return;
    this.#lastRefreshToken = token.refresh_token;
    writeSessionCookies(token.access_token, token.refresh_token);
    this.#takeRolesFrom(token.access_token);
    announce('netlify-identity-token-refresh', { user: this.#state.user });
  }

  #handleStorage(event: StorageEvent): void {
    if (this.#state.status !== 'ready') return;
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

  /** Another tab logged in or refreshed its token: follow it (a refresh is not a login). */
  async #adoptStoredSession(): Promise<void> {
    this.#otherTabLoggedOut = false;
    const user = await identity.hydrateSession();
    if (!user) return;
    const previous = this.#state.user;
    this.#setUser(user);
    this.#lastRefreshToken = readSessionCookies()?.refreshToken;
    if (previous?.id !== user.id) announce('netlify-identity-login', { user });
  }

  #loggedOutElsewhere(): void {
    this.#otherTabLoggedOut = false;
    if (!this.#state.user) return;
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
      this.gotrue.currentUser()?.clearSession();
      clearSessionCookies();
      if (!this.#state.user) return;
      const error = new IdentityError('session_expired', 'The session has expired');
      this.#set({ error });
      announce('netlify-identity-error', { error: error.toJSON(), user: this.#state.user });
      this.#setUser(null);
      announce('netlify-identity-logout', { user: null });
    })().finally(() => {
      this.#rescue = undefined;
    });
    return this.#rescue;
  }

  async #run<T>(
    operation: IdentityOperation,
    origin: EventTarget | undefined,
    action: () => Promise<T>,
  ): Promise<T> {
    await this.start();
    this.#set({ busy: operation, error: null });
    try {
      const result = await action();
      this.#set({ busy: null });
      return result;
    } catch (caught) {
      const error = toIdentityError(caught, operation);
      this.#set({ busy: null, error });
      announce('netlify-identity-error', { error: error.toJSON(), user: this.#state.user }, origin);
      throw error;
    }
  }

  #setCallback(callback: CallbackState): CallbackState {
    this.#set({ callback });
    return callback;
  }

  /** Roles change on the next refresh, as on Netlify: the new token carries them. */
  #takeRolesFrom(accessToken: string): void {
    const user = this.#state.user;
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

  #setUser(user: User | null): void {
    this.#set({ user });
  }

  #set(changes: Partial<IdentityState>): void {
    this.#state = { ...this.#state, ...changes };
    for (const listener of this.#listeners) listener(this.#state);
  }
}
