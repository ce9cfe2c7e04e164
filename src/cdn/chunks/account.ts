// The CDN bundle's account part (dist/cdn/netlify-identity-account.js): <netlify-account>.
import * as account from '../../elements/account/define.js';
import { en } from '../../locales/en.js';
import { extendLocale } from '../../localize/localize.js';
import { cdnRegistry } from '../chunk-loader.js';

extendLocale('en', en);
cdnRegistry().provide('account', account);
