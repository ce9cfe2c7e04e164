// The CDN bundle's auth-link part (dist/cdn/netlify-identity-callback.js): <netlify-auth-callback>.
import * as callback from '../../elements/auth-callback/define.js';
import { en } from '../../locales/en.js';
import { extendLocale } from '../../localize/localize.js';
import { cdnRegistry } from '../chunk-loader.js';

extendLocale('en', en);
cdnRegistry().provide('callback', callback);
