import { defineElement } from '../../internal/define.js';
import { NetlifyIdentityProvider } from './provider.js';

defineElement('netlify-identity-provider', NetlifyIdentityProvider);

export { NetlifyIdentityProvider };
