// The CDN bundle's views part (dist/cdn/netlify-identity-views.js): the modal, the login, signup,
// account and auth-link views, registered as they load.
import * as modal from '../../elements/modal/open-modal.js';
import '../../elements/login/define.js';
import '../../elements/signup/define.js';
import '../../elements/account/define.js';
import '../../elements/auth-callback/define.js';
import { cdnRegistry } from '../chunk-loader.js';

cdnRegistry().provide('views', modal);
