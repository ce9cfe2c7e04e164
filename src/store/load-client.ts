/**
 * The identity client, on demand (npm build: a dynamic import, so an app's bundler splits
 * @netlify/identity and gotrue-js into their own chunk). The CDN bundle replaces this module with
 * a loader of the chunk file beside it.
 */
export function loadClientModule(): Promise<typeof import('./identity-client.js')> {
  return import('./identity-client.js');
}
