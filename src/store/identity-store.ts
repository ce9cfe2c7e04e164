import type { User, UserUpdates } from '@netlify/identity';
import type GoTrue from 'gotrue-js';
import { documentParsed, whenIdle } from '../internal/idle.js';
import { parseAuthHash } from './callback-hash.js';
import { IdentityError, asIdentityError } from './errors.js';
import type { IdentityOperation } from './errors.js';
import { announce } from './events.js';
import { gotrueFacade } from './gotrue-facade.js';
import type { IdentityClient, StoreHost } from './identity-client.js';
import { loadClientModule } from './load-client.js';
import { LOGOUT_SIGNAL_KEY, SESSION_KEY, readStoredSession } from './stored-session.js';

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
  /** `ready` once `init` has been announced (the stored session is known from the start). */
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

interface RawSettings {
  autoconfirm?: unknown;
  disable_signup?: unknown;
  external?: Record<string, unknown>;
}

/**
 * The one source of truth for the elements on a page. Synchronous from the start: the session
 * stored on the device is the state at construction, so the page shows the user at once. What
 * talks to the identity server (@netlify/identity, gotrue-js) is a client loaded on demand: when
 * the browser is idle, on intent (`preload()`), or by the first action that needs it.
 */
export class IdentityStore {
  #state: IdentityState;
  readonly #listeners = new Set<(state: IdentityState) => void>();
  #started?: Promise<void>;
  #verified?: Promise<void>;
  #callback?: Promise<CallbackState | null>;
  /** The hash `handleCallback()` last saw. */
  #hash?: string;
  #client?: Promise<IdentityClient>;
  #loaded?: IdentityClient;
  /** The client's reader of GoTrue's failures, once it has loaded. */
  #readError: (error: unknown, operation: IdentityOperation) => IdentityError = asIdentityError;
  #gotrue?: GoTrue;
  #wanted!: () => void;
  /** Resolves when the client is worth loading: the browser is idle, or someone asked for it. */
  readonly #idleOrIntent = new Promise<void>((resolve) => (this.#wanted = resolve));
  #disposers: (() => void)[] = [];
  #disposed = false;
  readonly #host: StoreHost = {
    state: () => this.#state,
    set: (changes) => this.#set(changes),
    run: (operation, origin, action) => this.#run(operation, origin, action),
  };

  constructor() {
    this.#state = {
      status: 'initializing',
      user: typeof document === 'undefined' ? null : (readStoredSession()?.user ?? null),
      settings: null,
      busy: null,
      error: null,
      callback: null,
    };
  }

  get state(): IdentityState {
    return this.#state;
  }

  /**
   * A gotrue-js client sharing the page's session (the legacy `netlifyIdentity.gotrue`): usable at
   * once, its `currentUser()` answers from the stored session until the real client has loaded.
   */
  get gotrue(): GoTrue {
    this.#gotrue ??= gotrueFacade({
      loaded: () => this.#loaded?.gotrue,
      load: async () => (await this.#loadClient()).gotrue,
      storedSession: () => (this.#state.user ? readStoredSession() : null),
    });
    return this.#gotrue;
  }

  /** Whether this page shows a session (stored on the device, or logged in since). */
  get mayHaveSession(): boolean {
    return this.#state.user !== null;
  }

  /** Calls `listener` with every new state; returns the unsubscribe function. */
  subscribe(listener: (state: IdentityState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Announces `init` once the document is parsed (with the stored user, without waiting for the
   * network), loads the settings, and has the client confirm a stored session with the server
   * when it loads. Resolves when all that is done; later calls return the same promise.
   */
  start(): Promise<void> {
    if (this.#started) return this.#started;
    const settings = this.#loadSettings();
    void whenIdle().then(() => this.#wanted());
    const initialized = documentParsed().then(() => {
      // Other tabs are heard from here on (a storage listener is slow to add: not before the page),
      // unless the store was disposed of in the meantime.
      if (!this.#disposed) {
        const handleStorage = (event: StorageEvent) => this.#handleStorage(event);
        window.addEventListener('storage', handleStorage);
        this.#disposers.push(() => window.removeEventListener('storage', handleStorage));
      }
      this.#set({ status: 'ready' });
      announce('netlify-identity-init', { user: this.#state.user });
    });
    this.#verified = this.#state.user
      ? initialized
          .then(() => this.#idleOrIntent)
          .then(() => this.#loadClient())
          .then((client) => client.restoreSession())
          // Unreachable client code (offline): keep showing the stored session.
          .catch(() => undefined)
      : initialized;
    this.#started = Promise.all([settings, this.#verified]).then(() => undefined);
    return this.#started;
  }

  /**
   * Loads the identity client now (a pointer over "Log in", an auth link, an API call that
   * needs it) rather than when the browser is idle. Resolves false when it could not be loaded.
   */
  preload(): Promise<boolean> {
    this.#wanted();
    return this.#loadClient().then(
      () => true,
      () => false,
    );
  }

  async login(email: string, password: string, origin?: EventTarget): Promise<User> {
    return this.#act('login', origin, (client) => client.login(email, password, origin));
  }

  async signup(
    email: string,
    password: string,
    data: Record<string, unknown> = {},
    origin?: EventTarget,
  ): Promise<SignupResult> {
    return this.#act('signup', origin, (client) => client.signup(email, password, data, origin));
  }

  async logout(origin?: EventTarget): Promise<void> {
    return this.#act('logout', origin, (client) => client.logout(origin));
  }

  /** Leaves the page for the provider; the return is handled by `handleCallback()`. */
  async oauthLogin(provider: OAuthProvider, origin?: EventTarget): Promise<void> {
    return this.#act('oauth', origin, async (client) => client.oauthLogin(provider));
  }

  async requestPasswordRecovery(email: string, origin?: EventTarget): Promise<void> {
    return this.#act('recovery-request', origin, (client) => client.requestPasswordRecovery(email));
  }

  /** Saves the new password of a user who arrived through a recovery link. */
  async completeRecovery(password: string, origin?: EventTarget): Promise<User> {
    return this.#act('recovery', origin, (client) => client.completeRecovery(password, origin));
  }

  /** Accepts the invite of this page's `#invite_token` link by choosing a password. */
  async acceptInvite(password: string, origin?: EventTarget): Promise<User> {
    return this.#act('invite', origin, (client) => client.acceptInvite(password, origin));
  }

  async updateUser(updates: UserUpdates, origin?: EventTarget): Promise<User> {
    return this.#act('update', origin, (client) => client.updateUser(updates, origin));
  }

  /** A valid access token for the current user, refreshed when it is near expiry (or `force`). */
  async jwt(force = false): Promise<string> {
    if (!this.#state.user) throw new IdentityError('session_expired', 'No user is logged in');
    this.#wanted();
    const client = await this.#loadClient();
    await this.#verified;
    return client.jwt(force);
  }

  /**
   * Handles this page's auth hash once, and each new one a link puts there later (a mail link opened
   * in a tab already on the site changes only the hash: call it on `hashchange`); every caller gets
   * the same outcome.
   */
  handleCallback(origin?: EventTarget): Promise<CallbackState | null> {
    const hash = location.hash;
    if (hash !== this.#hash && parseAuthHash(hash)) this.#callback = undefined;
    this.#hash = hash;
    this.#callback ??= (async () => {
      if (!parseAuthHash(location.hash)) {
        await this.start();
        return null;
      }
      // An auth link needs the client: load it at once.
      this.#wanted();
      await this.start();
      try {
        return await (await this.#loadClient()).handleHash(origin);
      } catch (error) {
        const callback: CallbackState = {
          type: 'error',
          status: 'failed',
          error: this.#readError(error, 'init'),
        };
        this.#set({ callback, error: callback.error });
        return callback;
      }
    })();
    return this.#callback;
  }

  /** Stops listening to refreshes and other tabs (for a store that is replaced). */
  dispose(): void {
    this.#disposed = true;
    for (const dispose of this.#disposers.splice(0)) dispose();
    this.#loaded?.dispose();
  }

  /** The client, loaded once; a failed load (offline, 404) is retried by the next call. */
  #loadClient(): Promise<IdentityClient> {
    this.#client ??= loadClientModule().then(
      ({ IdentityClient, toIdentityError }) => {
        this.#readError = toIdentityError;
        this.#loaded = new IdentityClient(this.#host);
        return this.#loaded;
      },
      (error: unknown) => {
        this.#client = undefined;
        throw new IdentityError('network', 'The sign-in code could not be loaded', undefined, {
          cause: error,
        });
      },
    );
    return this.#client;
  }

  async #loadSettings(): Promise<void> {
    let response: Response;
    // The elements that started the store render first: the request waits for the next task.
    await new Promise((resolve) => setTimeout(resolve));
    try {
      response = await fetch('/.netlify/identity/settings');
    } catch (error) {
      this.#set({ error: asIdentityError(error) });
      return;
    }
    const json = (await response.json().catch(() => undefined)) as RawSettings | undefined;
    if (!response.ok || !json || typeof json !== 'object') {
      // Anything but GoTrue's JSON (a 404 page, a single-page app's index.html) means no Identity.
      const { status } = response;
      const code =
        status >= 500 ? 'server' : status === 429 ? 'rate_limited' : 'identity_unavailable';
      this.#set({ error: new IdentityError(code, `HTTP ${status}`, status) });
      return;
    }
    const external = json.external ?? {};
    this.#set({
      settings: {
        autoconfirm: json.autoconfirm === true,
        disableSignup: json.disable_signup === true,
        providers: OAUTH_PROVIDERS.filter((provider) => external[provider] === true),
      },
    });
  }

  #handleStorage(event: StorageEvent): void {
    if (this.#state.status !== 'ready') return;
    if (event.key !== SESSION_KEY && event.key !== LOGOUT_SIGNAL_KEY) return;
    // Another tab logged in or out: the client follows it (loaded now if it was not).
    this.#loadClient().then(
      (client) => client.handleStorage(event),
      () => undefined,
    );
  }

  /** An action of the client, with its busy state, after the stored session has been confirmed. */
  #act<T>(
    operation: IdentityOperation,
    origin: EventTarget | undefined,
    action: (client: IdentityClient) => Promise<T>,
  ): Promise<T> {
    this.#wanted();
    return this.#run(operation, origin, async () => {
      const client = await this.#loadClient();
      await this.#verified;
      return action(client);
    });
  }

  async #run<T>(
    operation: IdentityOperation,
    origin: EventTarget | undefined,
    action: () => Promise<T>,
  ): Promise<T> {
    this.#set({ busy: operation, error: null });
    try {
      const result = await action();
      this.#set({ busy: null });
      return result;
    } catch (caught) {
      const error = this.#readError(caught, operation);
      this.#set({ busy: null, error });
      announce('netlify-identity-error', { error: error.toJSON(), user: this.#state.user }, origin);
      throw error;
    }
  }

  #set(changes: Partial<IdentityState>): void {
    this.#state = { ...this.#state, ...changes };
    for (const listener of this.#listeners) listener(this.#state);
  }
}
