import './elements/menu/define.js';
import './elements/button/define.js';
import './elements/login/define.js';
import './elements/signup/define.js';
import './elements/auth-callback/define.js';
import './elements/account/define.js';
import './elements/modal/define.js';
import './elements/provider/define.js';

export { NetlifyIdentityMenu } from './elements/menu/menu.js';
export { NetlifyIdentityButton } from './elements/button/button.js';
export { NetlifyLogin } from './elements/login/login.js';
export { NetlifySignup } from './elements/signup/signup.js';
export { NetlifyAuthCallback } from './elements/auth-callback/auth-callback.js';
export { NetlifyAccount } from './elements/account/account.js';
export { NetlifyIdentityModal } from './elements/modal/modal.js';
export { NetlifyIdentityProvider } from './elements/provider/provider.js';
export { openIdentityModal } from './elements/modal/open-modal.js';
export * from './store/index.js';
