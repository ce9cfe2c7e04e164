// The CDN bundle's signup part (dist/cdn/netlify-identity-signup.js): <netlify-signup>.
import * as signup from '../../elements/signup/define.js';
import { en } from '../../locales/en.js';
import { extendLocale } from '../../localize/localize.js';
import { cdnRegistry } from '../chunk-loader.js';

extendLocale('en', en);
cdnRegistry().provide('signup', signup);
