// What the always-loaded elements (menu, button, the CDN entry) know of the modal: how to load it,
// open it, and the page's options for it. The modal and its views import this; never the reverse,
// except through the loader.
import type { Theme } from '../../internal/identity-element.js';
import { IdentityError } from '../../store/errors.js';
import type { IdentityTab } from '../../store/events.js';
import { loadModalModule } from './load-modal.js';
import type { ModalView, NetlifyIdentityModal, OpenModalOptions } from './modal.js';

export interface ModalSettings {
  /** Where the page's modal lives (the legacy `init({ container })`); default `document.body`. */
  container?: Element;
  logo?: string;
  namePlaceholder?: string;
  /** The page-wide minimum length of a new password (the legacy `init({ passwordMinLength })`). */
  passwordMinLength?: number;
  /**
   * The page's theme (the legacy `init({ theme })`): the modal's, unless the element that opens it
   * has a theme of its own, and that of the elements the CDN script mounts.
   */
  theme?: Theme;
}

/** The page's options for its modal, applied when it is created. */
export const modalSettings: ModalSettings = {};

let loading: Promise<typeof import('./open-modal.js')> | undefined;

/** The modal's code, once; a failed load (offline, 404) is tried again by the next call. */
export function loadModal(): Promise<typeof import('./open-modal.js')> {
  loading ??= loadModalModule().catch((error: unknown) => {
    loading = undefined;
    throw new IdentityError('network', 'The sign-in form could not be loaded', undefined, {
      cause: error,
    });
  });
  return loading;
}

/** Starts loading the modal's code (idle, or a pointer over a button that opens it). */
export function preloadModal(): void {
  loadModal().catch(() => undefined);
}

/** Opens the modal on `view` once its code is there; rejects with a `network` IdentityError if it cannot load. */
export async function showIdentityModal(
  view: IdentityTab | ModalView,
  options: OpenModalOptions = {},
): Promise<NetlifyIdentityModal> {
  const { openIdentityModal } = await loadModal();
  return openIdentityModal(view, options);
}

/** Sets the page's modal options; the modal already on the page (if any) follows them. */
export function configureModal(settings: ModalSettings): void {
  const modal = document.querySelector('netlify-identity-modal');
  for (const [name, value] of Object.entries(settings)) {
    if (value === undefined) continue;
    Object.assign(modalSettings, { [name]: value });
    if (modal && name !== 'container') Object.assign(modal, { [name]: value });
  }
  if (modal && settings.container && !modal.closest('netlify-identity-provider')) {
    settings.container.append(modal);
  }
}
