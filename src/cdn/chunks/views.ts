// The CDN bundle's views part (dist/cdn/netlify-identity-views.js): Lit, the modal and the login
// view, registered as they load. The signup, account and auth-link views are parts built on it.
import * as modal from '../../elements/modal/open-modal.js';
import '../../elements/login/define.js';
import { en } from '../../locales/en.js';
import { extendLocale } from '../../localize/localize.js';
import { cdnRegistry } from '../chunk-loader.js';
import { VIEWS_SHARED_MODULES } from './views-shared.js';

// The core has the English of its own elements; the rest comes with the views.
extendLocale('en', en);
const registry = cdnRegistry();
Object.assign(registry.shared, VIEWS_SHARED_MODULES);
registry.provide('views', modal);
