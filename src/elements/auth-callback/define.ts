import { defineElement } from '../../internal/define.js';
import { NetlifyAuthCallback } from './auth-callback.js';

defineElement('netlify-auth-callback', NetlifyAuthCallback);

export { NetlifyAuthCallback };
