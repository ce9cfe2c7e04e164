import { ContextProvider } from '@lit/context';
import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { identityStoreContext } from '../../store/context.js';
import { getIdentityStore } from '../../store/default-store.js';
import type { IdentityStore } from '../../store/identity-store.js';

/**
 * Gives the elements inside it their own store instead of the page's default one (tests, or an app
 * that manages the store itself). Not needed otherwise: every element finds the default store.
 *
 * @summary Provides an IdentityStore to the elements inside it.
 * @slot - The elements that use this store.
 */
export class NetlifyIdentityProvider extends LitElement {
  #store: IdentityStore = getIdentityStore();
  readonly #provider = new ContextProvider(this, {
    context: identityStoreContext,
    initialValue: this.#store,
  });

  /** The store for this subtree; the page's default store until set. */
  @property({ attribute: false })
  get store(): IdentityStore {
    return this.#store;
  }
  set store(store: IdentityStore) {
    // Set at once, not at the next update: children ask for the store as soon as they connect.
    this.#store = store;
    this.#provider.setValue(store);
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'netlify-identity-provider': NetlifyIdentityProvider;
  }
}
