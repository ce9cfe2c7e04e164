// Type-checked by framework-types.test.ts: the svelte/elements entries Svelte's tooling reads.
import type {} from 'netlify-identity-elements/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';

export const login: SvelteHTMLElements['netlify-login'] = {
  theme: 'dark',
  headless: true,
  class: 'login',
  'onnetlify-identity-login': (event) => event.detail.user?.email,
};
export const menu: SvelteHTMLElements['netlify-identity-menu'] = {
  'onnetlify-identity-open': (event) =>
    event.detail.tab satisfies 'login' | 'signup' | 'account' | 'recovery' | 'invite' | 'callback',
};
// @ts-expect-error not a theme
export const wrongTheme: SvelteHTMLElements['netlify-login'] = { theme: 'purple' };
export const wrongDetail: SvelteHTMLElements['netlify-login'] = {
  // @ts-expect-error a login's detail has no tab
  'onnetlify-identity-login': (event) => event.detail.tab,
};
