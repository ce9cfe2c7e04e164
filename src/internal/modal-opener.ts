import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { loadSignupView } from '../elements/modal/load-views.js';
import { preloadModal, showIdentityModal } from '../elements/modal/modal-loader.js';
import type { ModalView } from '../elements/modal/modal.js';
import { asIdentityError } from '../store/errors.js';
import type { IdentityError } from '../store/errors.js';
import { announce } from '../store/events.js';
import type { IdentityStore } from '../store/identity-store.js';
import { whenIdle } from './idle.js';

let idlePreloadScheduled = false;

/**
 * What a button that opens the modal needs: the modal's code fetched when the browser is idle and
 * on intent (pointer over, focus), so the click never waits for the network; and, when that code
 * cannot be loaded, a readable error at the button, the next click trying again.
 */
export class ModalOpenerController implements ReactiveController {
  /** Why the last click could not open the modal; cleared by the next one. */
  error: IdentityError | null = null;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #store: () => IdentityStore;

  constructor(host: ReactiveControllerHost & HTMLElement, store: () => IdentityStore) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  hostConnected(): void {
    if (idlePreloadScheduled) return;
    idlePreloadScheduled = true;
    void whenIdle().then(preloadModal);
  }

  /** A pointer over, or focus on, a button that opens the modal: fetch what it will need. */
  readonly handleIntent = (): void => {
    preloadModal();
    void this.#store().preload();
  };

  /** The same for a button that opens the signup view, which has code of its own. */
  readonly handleSignupIntent = (): void => {
    this.handleIntent();
    loadSignupView().catch(() => undefined);
  };

  async open(view: ModalView, opener: Element): Promise<void> {
    if (this.error) {
      this.error = null;
      this.#host.requestUpdate();
    }
    try {
      await showIdentityModal(view, { opener });
    } catch (caught) {
      const error = asIdentityError(caught);
      this.error = error;
      this.#host.requestUpdate();
      announce(
        'netlify-identity-error',
        { error: error.toJSON(), user: this.#store().state.user },
        this.#host,
      );
    }
  }
}
