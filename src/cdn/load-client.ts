import { loadPart } from './chunk-loader.js';

/** The CDN bundle's stand-in for src/store/load-client.ts: the client part beside the bundle. */
export function loadClientModule(): Promise<typeof import('../store/identity-client.js')> {
  return loadPart('client');
}
