import type { IdentityTab } from '../../store/events.js';
import type { NetlifyIdentityModal, ModalView } from './modal.js';
import './define.js';

export interface OpenModalOptions {
  /** The element that asked: events are dispatched on it and focus returns to it on close. */
  opener?: Element | null;
  /** user_metadata to pre-fill the signup form with (legacy `open('signup', metadata)`). */
  metadata?: Record<string, unknown>;
}

/** The nearest store provider around `node`, crossing shadow roots. */
function providerAround(node: Node | null | undefined): Element | null {
  let current: Node | null | undefined = node;
  while (current) {
    if (current instanceof Element && current.localName === 'netlify-identity-provider') {
      return current;
    }
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return null;
}

let container: Element | undefined;

/** Where the page's modal lives (the legacy `init({ container })`); default `document.body`. */
export function setModalContainer(element: Element | undefined): void {
  container = element;
  const modal = document.querySelector('netlify-identity-modal');
  if (element && modal && !providerAround(modal.parentElement)) element.append(modal);
}

/**
 * The modal for `opener`: one per page, or one inside the store provider around the opener so that
 * it uses the same store.
 */
export function getIdentityModal(opener?: Element | null): NetlifyIdentityModal {
  const scope = providerAround(opener) ?? container ?? document.body;
  let modal = [...scope.children].find(
    (child): child is NetlifyIdentityModal => child.localName === 'netlify-identity-modal',
  );
  if (!modal) {
    modal = document.createElement('netlify-identity-modal');
    scope.append(modal);
  }
  return modal;
}

export function openIdentityModal(
  view: IdentityTab | ModalView,
  options: OpenModalOptions = {},
): NetlifyIdentityModal {
  const modal = getIdentityModal(options.opener);
  modal.open(view, options);
  return modal;
}
