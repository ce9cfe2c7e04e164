import { defineElement } from '../../internal/define.js';
import { NetlifyIdentityButton } from './button.js';

defineElement('netlify-identity-button', NetlifyIdentityButton);

export { NetlifyIdentityButton };
