import type { ReactiveElement } from 'lit';
import { modalSettings } from '../elements/modal/modal-loader.js';

const usable = (count: unknown): count is number =>
  Number.isInteger(count) && (count as number) > 0;

/**
 * The minimum length of a new password: the element's own when it is a whole number of characters,
 * else the page's (the CDN's `init({ passwordMinLength })`, which the core keeps with the modal's
 * settings and so stays free of this module), else 8.
 */
export function minPasswordLength(own?: number): number {
  return [own, modalSettings.passwordMinLength].find(usable) ?? 8;
}

// `init` writes the page's minimum with Object.assign, which calls this setter: the forms on the
// page say the new minimum at once (the modal's views follow the modal's own property).
let pageMinLength = modalSettings.passwordMinLength;
Object.defineProperty(modalSettings, 'passwordMinLength', {
  configurable: true,
  enumerable: true,
  get: () => pageMinLength,
  set(count?: number) {
    pageMinLength = count;
    for (const form of document.querySelectorAll<ReactiveElement>(
      'netlify-signup, netlify-account, netlify-auth-callback',
    )) {
      form.requestUpdate();
    }
  },
});
