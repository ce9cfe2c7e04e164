// Type-checked by framework-types.test.ts: the Vue GlobalComponents entries, as Volar reads them
// ($props for attributes and properties, $emit for `@event` listeners).
import type {} from 'netlify-identity-elements/vue';
import type { GlobalComponents } from 'vue';

type Login = InstanceType<GlobalComponents['netlify-login']>;
type Signup = InstanceType<GlobalComponents['netlify-signup']>;

export const loginProps: Login['$props'] = { theme: 'auto', headless: true, class: 'login' };
export const signupProps: Signup['$props'] = { metadata: { plan: 'free' }, namePlaceholder: 'Ada' };
// @ts-expect-error not a theme
export const wrongTheme: Login['$props'] = { theme: 'purple' };

declare const login: Login;
declare const loginEvent: CustomEvent<{ user: null }>;
declare const openEvent: CustomEvent<{ tab: 'login' }>;
login.$emit('netlify-identity-login', loginEvent);
// @ts-expect-error <netlify-login> does not fire netlify-identity-open
login.$emit('netlify-identity-open', openEvent);
