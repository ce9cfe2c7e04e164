import { defineElement } from '../../internal/define.js';
import { NetlifySignup } from './signup.js';

defineElement('netlify-signup', NetlifySignup);

export { NetlifySignup };
