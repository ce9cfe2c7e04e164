// The classic-script bundle (dist/cdn/netlify-identity.js): a drop-in for netlify-identity-widget.
// A small core: registers the menu and the button, mounts the data attributes, installs
// window.netlifyIdentity with the stored session known at once. The identity client and the views
// (modal, forms, account, auth links) are parts beside it, loaded when idle or on intent.
import '../elements/menu/define.js';
import '../elements/button/define.js';
import '../elements/gate/define.js';
import { loadAccountView, loadCallbackView, loadSignupView } from '../elements/modal/load-views.js';
import { loadModal, preloadModal, showIdentityModal } from '../elements/modal/modal-loader.js';
import { whenIdle, whenParsed } from '../internal/idle.js';
import { parseAuthHash } from '../store/callback-hash.js';
import { getIdentityStore } from '../store/default-store.js';
import type { CallbackState } from '../store/identity-store.js';
import { cdnRegistry } from './chunk-loader.js';
import { mountDataAttributes } from './data-attributes.js';
import { createNetlifyIdentity } from './global-api.js';
import type { NetlifyIdentityGlobal } from './global-api.js';
import { SHARED_MODULES } from './shared.js';

declare global {
  interface Window {
    netlifyIdentity?: NetlifyIdentityGlobal;
  }
}

/** The elements whose code is in a part: used on the page, they load it. */
const PARTS_BY_TAG: [string, () => unknown][] = [
  ['netlify-login', preloadModal],
  ['netlify-signup', loadSignupView],
  ['netlify-account', loadAccountView],
  ['netlify-auth-callback', loadCallbackView],
];

function loadPartsUsedIn(root: ParentNode): void {
  for (const [tags, load] of PARTS_BY_TAG) {
    if (root.querySelector(tags) || (root instanceof Element && root.matches(tags))) {
      Promise.resolve(load()).catch((error: unknown) =>
        console.error('netlify-identity-elements: could not load an element', error),
      );
    }
  }
}

/** Whether a link's outcome needs the modal: a form to fill in, or news the user should see. */
function needsModal(callback: CallbackState | null): boolean {
  return callback !== null && callback.type !== 'oauth';
}

// A second copy of the script (or the npm build first) leaves the first one in charge.
if (!window.netlifyIdentity) {
  cdnRegistry(SHARED_MODULES);
  const store = getIdentityStore();
  window.netlifyIdentity = createNetlifyIdentity(store);
  // Menus and buttons render as soon as the parser has passed them, not after the whole page.
  mountDataAttributes(loadPartsUsedIn);
  whenParsed(() => {
    // The page's modal, closed, rendered ahead once the browser is idle: a click only shows it.
    void whenIdle()
      .then(loadModal)
      .then(({ getIdentityModal }) => getIdentityModal())
      .catch(() => undefined);
    const showCallback = () => {
      if (!parseAuthHash(location.hash)) return;
      // An auth link needs its view too: fetch it while the client handles the link.
      loadCallbackView().catch(() => undefined);
      void store.handleCallback().then((callback) => {
        // A page with its own <netlify-auth-callback> (not the modal's view) shows the outcome there.
        if (
          needsModal(callback) &&
          !document.querySelector(':not(netlify-identity-modal) > netlify-auth-callback')
        ) {
          showIdentityModal('callback').catch((error: unknown) =>
            console.error('netlify-identity-elements: the modal could not be opened', error),
          );
        }
      });
    };
    showCallback();
    // A mail link opened in a tab already on the site: only the hash changes.
    window.addEventListener('hashchange', showCallback);
  });
}
