import { defineElement } from '../../internal/define.js';
import { NetlifyLogin } from './login.js';

defineElement('netlify-login', NetlifyLogin);

export { NetlifyLogin };
