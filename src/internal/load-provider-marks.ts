/**
 * The providers' marks, on demand (npm build: a dynamic import, so an app's bundler gives them a
 * chunk of their own). The CDN bundle replaces this module with a loader of its part.
 */
export function loadProviderMarksModule(): Promise<typeof import('./provider-marks.js')> {
  return import('./provider-marks.js');
}
