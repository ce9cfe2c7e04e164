// The views the modal shows less often, on demand (npm build: dynamic imports, so an app's bundler
// gives each its own chunk). The CDN bundle replaces this module with loaders of its parts.

/** Registers `<netlify-signup>`. */
export function loadSignupView(): Promise<unknown> {
  return import('../signup/define.js');
}

/** Registers `<netlify-account>` (the modal's logged-in view). */
export function loadAccountView(): Promise<unknown> {
  return import('../account/define.js');
}

/** Registers `<netlify-auth-callback>` (the modal's view of an auth link). */
export function loadCallbackView(): Promise<unknown> {
  return import('../auth-callback/define.js');
}
