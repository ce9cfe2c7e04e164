// The classic-script bundle (dist/cdn/netlify-identity.js): a drop-in for netlify-identity-widget.
// Registers the elements, mounts the data attributes, handles auth links on any page, and installs
// window.netlifyIdentity.
import '../elements/menu/define.js';
import '../elements/button/define.js';
import '../elements/login/define.js';
import '../elements/signup/define.js';
import '../elements/auth-callback/define.js';
import '../elements/account/define.js';
import '../elements/gate/define.js';
import '../elements/modal/define.js';
import { openIdentityModal } from '../elements/modal/open-modal.js';
import { getIdentityStore } from '../store/default-store.js';
import type { CallbackState } from '../store/identity-store.js';
import { mountDataAttributes } from './data-attributes.js';
import { createNetlifyIdentity } from './global-api.js';
import type { NetlifyIdentityGlobal } from './global-api.js';

declare global {
  interface Window {
    netlifyIdentity?: NetlifyIdentityGlobal;
  }
}

/** Whether a link's outcome needs the modal: a form to fill in, or news the user should see. */
function needsModal(callback: CallbackState | null): boolean {
  return callback !== null && callback.type !== 'oauth';
}

function whenParsed(run: () => void): void {
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run, { once: true });
  } else {
    run();
  }
}

// A second copy of the script (or the npm build first) leaves the first one in charge.
if (!window.netlifyIdentity) {
  const store = getIdentityStore();
  window.netlifyIdentity = createNetlifyIdentity(store);
  whenParsed(() => {
    mountDataAttributes();
    void store.handleCallback().then((callback) => {
      // A page with its own <netlify-auth-callback> shows the outcome there.
      if (needsModal(callback) && !document.querySelector('netlify-auth-callback')) {
        openIdentityModal('callback');
      }
    });
  });
}
