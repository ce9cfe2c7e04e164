import type { IdentityTab } from '../../store/events.js';
import { showIdentityModal } from './modal-loader.js';

export interface ViewRequestDetail {
  view: IdentityTab;
}

/**
 * Asks for another view (e.g. "Sign up" from the login form). A hosting modal answers by switching
 * views; an element on its own on the page opens the modal on that view instead.
 */
export function requestView(origin: HTMLElement, view: IdentityTab): void {
  const request = new CustomEvent<ViewRequestDetail>('netlify-identity-view-request', {
    detail: { view },
    bubbles: true,
    composed: true,
    cancelable: true,
  });
  if (origin.dispatchEvent(request)) {
    showIdentityModal(view, { opener: origin }).catch((error: unknown) =>
      console.error('netlify-identity-elements: the modal could not be opened', error),
    );
  }
}
