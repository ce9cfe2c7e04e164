// The CDN bundle's client part (dist/cdn/netlify-identity-client.js): @netlify/identity, gotrue-js
// and the store's side of them.
import * as client from '../../store/identity-client.js';
import { cdnRegistry } from '../chunk-loader.js';

cdnRegistry().provide('client', client);
