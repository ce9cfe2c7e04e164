import type { User } from '@netlify/identity';
import type { User as GoTrueUser } from 'gotrue-js';
import type GoTrue from 'gotrue-js';
import { configureModal, showIdentityModal } from '../elements/modal/modal-loader.js';
import type { Theme } from '../internal/identity-element.js';
import { setPageLocale } from '../localize/localize.js';
import { asIdentityError } from '../store/errors.js';
import { announce } from '../store/events.js';
import type { IdentityErrorEventDetail } from '../store/events.js';
import type { IdentityStore } from '../store/identity-store.js';
import { themeMounted } from './data-attributes.js';

/** The events `on()` accepts: the legacy widget's six, and the newer ones. */
export type LegacyEventName =
  | 'init'
  | 'login'
  | 'logout'
  | 'error'
  | 'open'
  | 'close'
  | 'signup'
  | 'recovery'
  | 'user-updated'
  | 'token-refresh';

const EVENTS: readonly LegacyEventName[] = [
  'init',
  'login',
  'logout',
  'error',
  'open',
  'close',
  'signup',
  'recovery',
  'user-updated',
  'token-refresh',
];

/** The user as the legacy widget gave it: snake_case fields, `token`, and `jwt()` when logged in. */
export type LegacyUser = GoTrueUser | Record<string, unknown>;

export interface InitOptions {
  locale?: string;
  /** Selector or element the modal is placed in. */
  container?: string | Element;
  /** A logo URL shown in the modal's title bar; `true`/`false` (the legacy switch) show none. */
  logo?: boolean | string;
  /** Placeholder of the signup form's name field. */
  namePlaceholder?: string;
  /** The minimum length of a new password in the signup, recovery and account forms; default 8. */
  passwordMinLength?: number;
  /** The modal's theme and that of the menus and buttons of the data attributes; default `light`. */
  theme?: Theme;
  [option: string]: unknown;
}

type Callback = (value?: unknown) => void;

export interface NetlifyIdentityGlobal {
  init(options?: InitOptions): void;
  open(tab?: 'login' | 'signup', metadata?: Record<string, unknown>): void;
  close(): void;
  logout(): Promise<void>;
  currentUser(): LegacyUser | null;
  refresh(force?: boolean): Promise<string>;
  on(event: LegacyEventName, callback: Callback): void;
  off(event: LegacyEventName, callback?: Callback): void;
  setLocale(code: string): void;
  /** A gotrue-js client that shares the page's session (Decap CMS and older sites use it). */
  readonly gotrue: GoTrue;
  /** The store behind it all, for code that wants the newer API. */
  readonly store: IdentityStore;
}

const KNOWN_OPTIONS = new Set([
  'locale',
  'container',
  'logo',
  'namePlaceholder',
  'passwordMinLength',
  'theme',
]);
const UNSUPPORTED_OPTIONS: Record<string, string> = {
  APIUrl: 'the identity client always talks to this site’s own /.netlify/identity',
  cookieDomain: 'the nf_jwt cookie is written for this host only',
};

function toLegacyShape(user: User): Record<string, unknown> {
  return {
    id: user.id,
    email: user.email,
    role: user.role ?? '',
    user_metadata: user.userMetadata ?? {},
    app_metadata: user.appMetadata ?? {},
    created_at: user.createdAt,
    updated_at: user.updatedAt,
    confirmed_at: user.confirmedAt,
  };
}

function report(error: unknown): void {
  // A failing callback must not stop the others, nor disappear.
  setTimeout(() => {
    throw error;
  });
}

/** `window.netlifyIdentity`, compatible with netlify-identity-widget, driven by the store's events. */
export function createNetlifyIdentity(store: IdentityStore): NetlifyIdentityGlobal {
  const callbacks = new Map<LegacyEventName, Set<Callback>>();
  const warned = new Set<string>();
  let initialized = false;

  const legacyUser = (user: User | null = store.state.user): LegacyUser | null => {
    if (!user) return null;
    const session = store.gotrue.currentUser();
    return session && session.id === user.id ? session : toLegacyShape(user);
  };

  const call = (event: LegacyEventName, value?: unknown) => {
    for (const callback of [...(callbacks.get(event) ?? [])]) {
      try {
        callback(value);
      } catch (error) {
        report(error);
      }
    }
  };

  for (const event of EVENTS) {
    document.addEventListener(`netlify-identity-${event}`, (domEvent) => {
      const detail = (domEvent as CustomEvent).detail as Partial<IdentityErrorEventDetail> & {
        tab?: string;
      };
      if (event === 'init') initialized = true;
      if (event === 'error' && detail.error) {
        call('error', Object.assign(new Error(detail.error.message), detail.error));
      } else if (event === 'open') {
        call('open', detail.tab);
      } else if (event === 'logout' || event === 'close') {
        call(event);
      } else {
        const user = legacyUser(detail.user ?? null);
        call(event, user);
        // For the legacy widget, `login` meant "a user now has a session": recovery links too.
        if (event === 'recovery') call('login', user);
      }
    });
  }

  const warnOnce = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    console.warn(`netlifyIdentity.init: ${message}`);
  };

  return {
    init(options = {}) {
      for (const [name, value] of Object.entries(options)) {
        if (value === undefined) continue;
        if (name in UNSUPPORTED_OPTIONS) {
          warnOnce(`the "${name}" option cannot be honoured: ${UNSUPPORTED_OPTIONS[name]}.`);
        } else if (!KNOWN_OPTIONS.has(name)) {
          warnOnce(`unknown option "${name}" ignored.`);
        }
      }
      if (options.locale) setPageLocale(options.locale);
      const theme = /^(light|dark|auto)$/.test(options.theme as string) ? options.theme : undefined;
      if (options.theme !== undefined && !theme) {
        warnOnce(`theme "${options.theme as string}" ignored: use light, dark or auto.`);
      }
      const container =
        typeof options.container === 'string'
          ? (document.querySelector(options.container) ?? undefined)
          : options.container;
      configureModal({
        container,
        namePlaceholder: options.namePlaceholder,
        passwordMinLength: options.passwordMinLength,
        logo: typeof options.logo === 'string' ? options.logo : undefined,
        theme,
      });
      if (theme) themeMounted(theme);
      void store.start();
    },
    open(tab, metadata) {
      const view = tab ?? (store.state.user ? 'user' : 'login');
      showIdentityModal(view, { metadata, opener: document.activeElement }).catch((caught) => {
        const error = asIdentityError(caught);
        announce('netlify-identity-error', { error: error.toJSON(), user: store.state.user });
      });
    },
    close() {
      document.querySelector('netlify-identity-modal')?.close();
    },
    logout() {
      return store.logout();
    },
    currentUser() {
      return legacyUser();
    },
    refresh(force = false) {
      return store.jwt(force);
    },
    on(event, callback) {
      if (!callbacks.has(event)) callbacks.set(event, new Set());
      callbacks.get(event)?.add(callback);
      // The legacy widget dropped an init listener added after init: call it with the user.
      if (event === 'init' && initialized) {
        queueMicrotask(() => {
          try {
            callback(legacyUser());
          } catch (error) {
            report(error);
          }
        });
      }
    },
    off(event, callback) {
      if (callback) callbacks.get(event)?.delete(callback);
      else callbacks.delete(event);
    },
    setLocale(code) {
      setPageLocale(code);
    },
    get gotrue() {
      return store.gotrue;
    },
    store,
  };
}
