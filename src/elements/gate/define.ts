import { defineElement } from '../../internal/define.js';
import { NetlifyIdentityGate } from './gate.js';

defineElement('netlify-identity-gate', NetlifyIdentityGate);

export { NetlifyIdentityGate };
