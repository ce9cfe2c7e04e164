import { loadPart } from './chunk-loader.js';

/** The CDN bundle's stand-in for src/elements/modal/load-modal.ts: the views part beside the bundle. */
export function loadModalModule(): Promise<typeof import('../elements/modal/open-modal.js')> {
  return loadPart('views');
}
