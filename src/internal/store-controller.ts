import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { identityStoreContext } from '../store/context.js';
import { getIdentityStore } from '../store/default-store.js';
import type { IdentityState, IdentityStore } from '../store/identity-store.js';

/**
 * Connects an element to its store: the one a provider gives through context, else the page's
 * default store (zero configuration). Re-renders the host on every state change.
 */
export class StoreController implements ReactiveController {
  #store?: IdentityStore;
  #unsubscribe?: () => void;
  #provided = false;
  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    // Added before this controller, so a provider's answer arrives before the fallback is chosen.
    new ContextConsumer(host, {
      context: identityStoreContext,
      subscribe: true,
      callback: (store) => {
        this.#provided = true;
        this.#use(store);
      },
    });
    host.addController(this);
  }

  get store(): IdentityStore {
    this.#store ??= getIdentityStore();
    return this.#store;
  }

  get state(): IdentityState {
    return this.store.state;
  }

  hostConnected(): void {
    if (!this.#provided) this.#use(getIdentityStore());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#provided = false;
  }

  #use(store: IdentityStore): void {
    if (store === this.#store && this.#unsubscribe) return;
    this.#unsubscribe?.();
    this.#store = store;
    this.#unsubscribe = store.subscribe(() => this.#host.requestUpdate());
    void store.start();
    this.#host.requestUpdate();
  }
}
