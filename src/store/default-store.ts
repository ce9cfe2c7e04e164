import { IdentityStore } from './identity-store.js';

const GLOBAL_KEY = Symbol.for('netlify-identity-elements.default-store');

/**
 * The page's store, created on first use. Kept on globalThis so that the npm build and the CDN
 * bundle on one page share one session owner (two would race each other's token refreshes).
 */
export function getIdentityStore(): IdentityStore {
  const registry = globalThis as typeof globalThis & { [GLOBAL_KEY]?: IdentityStore };
  registry[GLOBAL_KEY] ??= new IdentityStore();
  return registry[GLOBAL_KEY];
}
