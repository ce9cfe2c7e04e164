import { defineElement } from '../../internal/define.js';
import { NetlifyIdentityModal } from './modal.js';

defineElement('netlify-identity-modal', NetlifyIdentityModal);

export { NetlifyIdentityModal };
