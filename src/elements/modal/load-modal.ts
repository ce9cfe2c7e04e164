/**
 * The modal with its views (login, signup, account, auth link), on demand (npm build: a dynamic
 * import, so an app's bundler gives them their own chunk). The CDN bundle replaces this module
 * with a loader of the chunk file beside it.
 */
export function loadModalModule(): Promise<typeof import('./open-modal.js')> {
  return import('./open-modal.js');
}
