// The modules of the core bundle that its parts (client, views) import. The parts are built with
// these imports pointing at the registry (see vite.cdn.config.ts), so one copy of each runs: one
// Lit, one store, one set of catalogs. The names are the module paths under src/, `/` as `__`.
import * as lit from 'lit';
import * as chunkLoader from './chunk-loader.js';
import * as modalLoader from '../elements/modal/modal-loader.js';
import * as define from '../internal/define.js';
import * as identityElement from '../internal/identity-element.js';
import * as idle from '../internal/idle.js';
import * as localize from '../localize/localize.js';
import * as callbackHash from '../store/callback-hash.js';
import * as cookies from '../store/cookies.js';
import * as errors from '../store/errors.js';
import * as events from '../store/events.js';
import * as storedSession from '../store/stored-session.js';
import * as tokens from '../styles/tokens.js';

export const SHARED_MODULES: Record<string, unknown> = {
  lit,
  cdn__chunk_loader: chunkLoader,
  elements__modal__modal_loader: modalLoader,
  internal__define: define,
  internal__identity_element: identityElement,
  internal__idle: idle,
  localize__localize: localize,
  store__callback_hash: callbackHash,
  store__cookies: cookies,
  store__errors: errors,
  store__events: events,
  store__stored_session: storedSession,
  styles__tokens: tokens,
};
