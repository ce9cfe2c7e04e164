// The CDN bundle's client part (dist/cdn/netlify-identity-client.js): @netlify/identity, gotrue-js
// and the store's side of them, with the English of the errors read from the server's answers.
import * as client from '../../store/identity-client.js';
import { en } from '../../locales/en.js';
import { extendLocale } from '../../localize/localize.js';
import { cdnRegistry } from '../chunk-loader.js';

extendLocale('en', en);
cdnRegistry().provide('client', client);
