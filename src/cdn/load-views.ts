import { loadPart } from './chunk-loader.js';

// The CDN bundle's stand-in for src/elements/modal/load-views.ts: parts beside the bundle, each
// built on the views part (its forms, its Lit).

export async function loadSignupView(): Promise<unknown> {
  await loadPart('views');
  return loadPart('signup');
}

export async function loadAccountView(): Promise<unknown> {
  await loadPart('views');
  return loadPart('account');
}

export async function loadCallbackView(): Promise<unknown> {
  await loadPart('views');
  return loadPart('callback');
}
