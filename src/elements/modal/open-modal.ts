import { preloadProviderMarks } from '../../internal/provider-marks-loader.js';
import { getIdentityStore } from '../../store/default-store.js';
import type { IdentityTab } from '../../store/events.js';
import { modalSettings } from './modal-loader.js';
import type { ModalView, NetlifyIdentityModal, OpenModalOptions } from './modal.js';
import './define.js';

export type { OpenModalOptions };

// The login view shows the providers' marks: fetch them now if the site has providers, so that
// they are there when the modal opens. Imported in Node (server-side rendering), it does nothing.
if (typeof document !== 'undefined') preloadProviderMarks(getIdentityStore());

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

/**
 * The modal for `opener`: one per page, or one inside the store provider around the opener so that
 * it uses the same store.
 */
export function getIdentityModal(opener?: Element | null): NetlifyIdentityModal {
  const scope = providerAround(opener) ?? modalSettings.container ?? document.body;
  let modal = [...scope.children].find(
    (child): child is NetlifyIdentityModal => child.localName === 'netlify-identity-modal',
  );
  if (!modal) {
    modal = document.createElement('netlify-identity-modal');
    const { container: _container, ...options } = modalSettings;
    Object.assign(modal, options);
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
