import { defineElement } from '../../internal/define.js';
import { NetlifyIdentityMenu } from './menu.js';

defineElement('netlify-identity-menu', NetlifyIdentityMenu);

export { NetlifyIdentityMenu };
