import { defineElement } from '../../internal/define.js';
import { NetlifyAccount } from './account.js';

defineElement('netlify-account', NetlifyAccount);

export { NetlifyAccount };
