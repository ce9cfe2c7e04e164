// The CDN bundle's providers part (dist/cdn/netlify-identity-providers.js): the OAuth providers'
// marks, loaded only on sites that enable a provider. Built on the views part (its Lit).
import * as marks from '../../internal/provider-marks.js';
import { cdnRegistry } from '../chunk-loader.js';

cdnRegistry().provide('providers', marks);
