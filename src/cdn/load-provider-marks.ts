import { loadPart } from './chunk-loader.js';

/** The CDN bundle's stand-in for src/internal/load-provider-marks.ts: the part beside the bundle. */
export function loadProviderMarksModule(): Promise<typeof import('../internal/provider-marks.js')> {
  return loadPart('providers');
}
